// CGMiner-compatible RPC replies (docs/vnish.md §5): the envelope, message codes from cgminer api.c, and
// per-command bodies. Impostor firmwares answer with their own identity strings (docs/vnish.md §6).
import { round } from '../util/format';
import { type Rig } from '../rig/types';
import { minerType } from '../vnish/views-identity';
import { statsDetail, summarySection } from './sections';

export type RpcRequest = { command: string; parameter?: string };

const DESCRIPTION = 'cgminer 1.0.0';

/** Commands that change the miner: denied, since the RPC is treated as read-only (docs/vnish.md §5, GAP). */
const PRIVILEGED = new Set([
  'switchpool',
  'enablepool',
  'disablepool',
  'addpool',
  'removepool',
  'poolpriority',
  'poolquota',
  'restart',
  'quit',
  'save',
  'privileged',
  'ascset',
  'pgaset',
  'setconfig',
  'zero',
  'debug',
  'hotplug',
]);

function status(now: number, code: number, msg: string, letter = 'S', description = DESCRIPTION): unknown[] {
  return [{ STATUS: letter, When: Math.floor(now / 1000), Code: code, Msg: msg, Description: description }];
}

export function errorReply(
  now: number,
  code: number,
  msg: string,
  description = DESCRIPTION,
): Record<string, unknown> {
  return { STATUS: status(now, code, msg, 'E', description), id: 1 };
}

function typeString(rig: Rig): string {
  return rig.kind === 'vnish' ? minerType(rig) : rig.model.fullName;
}

function compileTime(rig: Rig): string {
  const d = new Date(rig.fw.buildTime.replace(' ', 'T').replace('+00:00', 'Z'));
  return Number.isNaN(d.getTime()) ? 'Tue Dec  6 16:12:30 CST 2022' : d.toUTCString().replace('GMT', 'UTC');
}

function identity(rig: Rig): Record<string, unknown> {
  return {
    BMMiner: '1.0.0',
    Miner: rig.kind === 'vnish' ? rig.fw.version : '49.0.1.3',
    CompileTime: compileTime(rig),
    Type: typeString(rig),
  };
}

function poolsBody(rig: Rig, now: number, diff: number): unknown[] {
  const out: unknown[] = [];
  rig.active.pools.forEach((slot, i) => {
    if (slot.url === '') return;
    const rt = rig.pools[i];
    if (!rt) return;
    const url = /^[a-z+]+:\/\//i.test(slot.url) ? slot.url : `stratum+tcp://${slot.url}`;
    const active = rt.status === 'active' || rt.status === 'rejecting';
    const host = url.replace(/^[a-z+]+:\/\//i, '').replace(/:\d+$/, '');
    const total = rt.accepted + rt.rejected;
    out.push({
      POOL: i,
      URL: url,
      Status: rt.status === 'offline' ? 'Dead' : 'Alive',
      Priority: i,
      Quota: 1,
      'Long Poll': 'N',
      Getworks: active ? Math.floor((now - rig.bootedAt) / 30000) + 3 : 3,
      Accepted: rt.accepted,
      Rejected: rt.rejected,
      Discarded: rt.accepted * 1100,
      Stale: rt.stale,
      'Get Failures': rt.getFailures,
      'Remote Failures': 0,
      User: slot.user,
      'Last Share Time': rt.lastShareAt === null ? '0' : hmsSince(now, rt.lastShareAt),
      'Diff1 Shares': 0,
      'Proxy Type': '',
      Proxy: '',
      'Difficulty Accepted': rt.diffAccepted,
      'Difficulty Rejected': rt.rejected * diff,
      'Difficulty Stale': rt.stale * diff,
      'Last Share Difficulty': rt.lastShareAt === null ? 0 : diff,
      'Has Stratum': true,
      'Stratum Active': active,
      'Stratum URL': active ? host : '',
      'Has GBT': false,
      'Best Share': active ? rig.bestShare : 0,
      'Pool Rejected%': total > 0 ? round((rt.rejected / total) * 100, 2) : 0,
      'Pool Stale%%': 0,
      Diff: active ? shortK(diff) : '',
    });
  });
  return out;
}

function hmsSince(now: number, at: number): string {
  const s = Math.max(0, Math.floor((now - at) / 1000));
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function shortK(diff: number): string {
  return diff >= 1000 ? `${Math.round(diff / 1024)}K` : String(diff);
}

function devsBody(rig: Rig, now: number): unknown[] {
  const accepted = rig.pools.reduce((n, p) => n + p.accepted, 0);
  const rejected = rig.pools.reduce((n, p) => n + p.rejected, 0);
  const diffA = rig.pools.reduce((n, p) => n + p.diffAccepted, 0);
  const last = Math.max(0, ...rig.pools.map((p) => p.lastShareAt ?? 0));
  const stamp = Math.floor((last || now) / 1000);
  // Shape of the real devs.json: one BTM_SOC device, zero MHS, misspelt "Tenperature" and
  // `Last Share Difficulty` holding an epoch timestamp.
  return [
    {
      ASC: 0,
      Name: 'BTM_SOC',
      ID: 0,
      Enabled: 'Y',
      Status: 'Alive',
      Tenperature: 0.0,
      'MHS av': 0.0,
      'MHS 5s': 0.0,
      Accepted: accepted,
      Rejected: rejected,
      'Hardware Errors': rig.hwErrors,
      Utility: 0.0,
      'Last Share Pool': rig.activePool,
      'Last Share Time': stamp,
      'Total MH': 0.0,
      'Diff1 Work': 0,
      'Difficulty Accepted': diffA,
      'Difficulty Rejected': 0,
      'Last Share Difficulty': stamp,
      'Last Valid Work': stamp,
      'Device Hardware%': 0.0,
      'Device Rejected%': 0.0,
      'Device Elapsed': Math.floor((now - rig.bootedAt) / 1000),
    },
  ];
}

/** One command's full reply object (not yet encoded). */
export function replyFor(rig: Rig, req: RpcRequest, now: number, poolDiff: number): Record<string, unknown> {
  const cmd = req.command.trim().toLowerCase();
  if (rig.kind === 'braiins' || rig.kind === 'whatsminer') return impostorRpc(rig, cmd, now);
  if (cmd.includes('+')) {
    if (!rig.rpcQuirks.multiCommand) return errorReply(now, 14, 'Invalid command');
    const out: Record<string, unknown> = {};
    for (const part of cmd.split('+')) out[part] = [replyFor(rig, { command: part }, now, poolDiff)];
    out['id'] = 1;
    return out;
  }
  switch (cmd) {
    case 'summary':
      return { STATUS: status(now, 11, 'Summary'), SUMMARY: [summarySection(rig, now, poolDiff)], id: 1 };
    case 'stats':
      return {
        STATUS: status(now, 70, 'CGMiner stats'),
        STATS: [identity(rig), statsDetail(rig, now)],
        id: 1,
      };
    case 'pools': {
      const pools = poolsBody(rig, now, poolDiff);
      return { STATUS: status(now, 7, `${pools.length} Pool(s)`), POOLS: pools, id: 1 };
    }
    case 'devs':
      return { STATUS: status(now, 9, '1 ASC(s)'), DEVS: devsBody(rig, now), id: 1 };
    case 'version':
      return {
        STATUS: status(now, 22, 'CGMiner versions'),
        VERSION: [{ ...identity(rig), API: '3.1' }],
        id: 1,
      };
    case 'devdetails':
      // Stock Bitmain firmware has no devdetails: "ANTMINER without DEVDETAILS" identifies it (docs/vnish.md §6).
      if (rig.kind === 'stock-bitmain') return errorReply(now, 14, 'Invalid command');
      return {
        STATUS: status(now, 69, 'Device Details'),
        DEVDETAILS: [
          {
            DEVDETAILS: 0,
            Name: 'BTM_SOC',
            ID: 0,
            Driver: 'bitmain',
            Kernel: '',
            Model: typeString(rig),
            'Device Path': '',
          },
        ],
        id: 1,
      };
    default:
      if (PRIVILEGED.has(cmd)) return errorReply(now, 45, `Access denied to '${cmd}' command`);
      return errorReply(now, 14, 'Invalid command');
  }
}

function impostorRpc(rig: Rig, cmd: string, now: number): Record<string, unknown> {
  if (rig.kind === 'braiins') {
    const d = 'BOSminer bosminer-plus-tuner 0.2.0-36c56a168';
    if (cmd === 'version')
      return {
        STATUS: status(now, 22, 'BOSminer versions', 'S', d),
        VERSION: [{ BOSminer: '0.2.0-36c56a168', API: '3.7' }],
        id: 1,
      };
    if (cmd === 'devdetails')
      return {
        STATUS: status(now, 69, 'Device Details', 'S', d),
        DEVDETAILS: [{ DEVDETAILS: 0, Name: 'BOSer', ID: 0, Driver: 'bitmain', Model: rig.model.fullName }],
        id: 1,
      };
    return errorReply(now, 14, 'Invalid command', d);
  }
  const d = 'btminer';
  if (cmd === 'version')
    return {
      STATUS: status(now, 22, 'BTMiner versions', 'S', d),
      VERSION: [{ API: '2.0.5', Miner: 'btminer 20240307.24.REL', Type: 'WhatsMiner M50' }],
      id: 1,
    };
  return errorReply(now, 14, 'Invalid command', d);
}
