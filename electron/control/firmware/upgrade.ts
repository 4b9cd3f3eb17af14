/**
 * A firmware upgrade on one rig (docs/vnish.md §12): note what the rig had, stream the staged image to
 * POST /firmware/update, wait through its reboot, read back the version the image said, then wait for the
 * health gate (hashing, no chain lost, at least the rollout's share of nominal). Each step that does not come
 * through ends the rig as failed with what was seen; nothing here retries an upload.
 */
import { createReadStream } from 'node:fs';

import { type ControlAction } from '../../../shared/control';
import { type FirmwareFile } from '../../../shared/firmware';
import { formatDuration } from '../../../shared/format';
import { parseUptimeSeconds } from '../../../shared/units';
import { type CallOptions, type VnishClient } from '../../miners/vnish/client';
import { createVnishControl } from '../../miners/vnish/control';
import { parseVersion } from '../../miners/vnish/version';
import { type ControlTiming } from '../timing';
import { type GateBaseline, type GateCriteria, gateRig, gateSample } from './gate';

/** What the executor needs of staging, bound to one rig of one job. */
export type FirmwareExec = {
  file(fileId: string): { file: FirmwareFile; path: string } | null;
  /** Image bytes sent to this rig so far; called often, the caller thins it out. */
  progress(sentBytes: number, totalBytes: number): void;
};

type FirmwareAction = Extract<ControlAction, { kind: 'firmware' }>;

/** The part of the executor's context an upgrade uses (execute.ts passes its own). */
export type UpgradeContext = {
  client: VnishClient;
  timing: ControlTiming;
  now(): number;
  sleep(ms: number): Promise<void>;
  markRestarting(untilMs: number): void;
};

type Executed = { outcome: 'done' | 'failed'; message: string; restartRequired: null };

/** Without a rollout the gate is only "hashing again" and gets this long (the rollout schema's default). */
const SINGLE_GATE_MS = 15 * 60_000;

const failed = (message: string): Executed => ({ outcome: 'failed', message, restartRequired: null });
const waited = (ms: number): string => (ms < 1000 ? `${ms} ms` : formatDuration(ms / 1000));

const sameVersion = (a: string | null, b: string | null): boolean => {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  return (
    va !== null && vb !== null && va.major === vb.major && va.minor === vb.minor && va.patch === vb.patch
  );
};

type Before = { version: string | null; uptimeSec: number | null; gate: GateBaseline };

async function before(x: UpgradeContext, call: CallOptions): Promise<Before> {
  const [info, summary] = await Promise.all([x.client.info(call), x.client.summary(call)]);
  const sample = gateSample(summary);
  return {
    version: info.fw_version ?? null,
    uptimeSec: parseUptimeSeconds(info.system?.uptime ?? null),
    gate: { chainsHashing: sample.chainsHashing, nominal: sample.nominal },
  };
}

/** Streams the image; progress goes out at most once per percent (a 100 MB image is ~1,600 socket writes). */
async function send(
  x: UpgradeContext,
  fw: FirmwareExec,
  staged: { file: FirmwareFile; path: string },
  keep: boolean,
) {
  const total = staged.file.size;
  let shown = -1;
  const onSent = (sent: number): void => {
    const step = Math.floor((sent / total) * 100);
    if (step === shown) return;
    shown = step;
    fw.progress(sent, total);
  };
  const image = {
    name: staged.file.name,
    size: total,
    read: () => createReadStream(staged.path, { highWaterMark: 256 * 1024 }),
  };
  // The upload has its own deadline: a slow LAN link must not time out a 100 MB image like a status read.
  const timeoutMs = x.timing.callTimeoutMs + Math.ceil((total / x.timing.uploadBytesPerSec) * 1000);
  onSent(0);
  const r = await createVnishControl(x.client.transport).firmwareUpdate(image, keep, onSent, { timeoutMs });
  fw.progress(total, total);
  return r;
}

/**
 * Polls /info until the rig has been away, its uptime reset, or it runs the image's version (a quick reboot
 * can fall between two polls, and busybox uptime counts whole minutes); null if none of that happens.
 */
async function untilBack(
  x: UpgradeContext,
  was: Before,
  want: string | null,
  budgetMs: number,
  call: CallOptions,
) {
  const deadline = x.now() + budgetMs;
  let away = false;
  for (;;) {
    try {
      const info = await x.client.info(call);
      const uptime = parseUptimeSeconds(info.system?.uptime ?? null);
      const reset = was.uptimeSec !== null && uptime !== null && uptime < was.uptimeSec;
      const version = info.fw_version ?? null;
      const arrived = want !== null && !sameVersion(was.version, want) && sameVersion(version, want);
      if (away || reset || arrived) return { version };
    } catch {
      // Rebooting: no answer, or a half-started web server. Either way it is away.
      away = true;
    }
    const left = deadline - x.now();
    if (left <= 0) return null;
    await x.sleep(Math.min(x.timing.readBackIntervalMs, left));
  }
}

/** Polls /summary until the gate passes; null when it did, else the last thing still wrong. */
async function untilHealthy(
  x: UpgradeContext,
  was: Before,
  criteria: GateCriteria,
  budgetMs: number,
  call: CallOptions,
) {
  const deadline = x.now() + budgetMs;
  for (;;) {
    let why: string;
    try {
      const verdict = gateRig(gateSample(await x.client.summary(call)), was.gate, criteria);
      if (verdict === null) return null;
      why = verdict;
    } catch {
      why = 'not answering';
    }
    const left = deadline - x.now();
    if (left <= 0) return why;
    await x.sleep(Math.min(x.timing.readBackIntervalMs, left));
  }
}

export async function upgradeFirmware(
  x: UpgradeContext,
  fw: FirmwareExec | undefined,
  action: FirmwareAction,
): Promise<Executed> {
  const staged = fw?.file(action.fileId) ?? null;
  if (fw === undefined || staged === null)
    return failed('The firmware file is no longer staged; nothing was sent.');
  const call: CallOptions = { timeoutMs: x.timing.callTimeoutMs };
  const was = await before(x, call);
  const gateMs = action.rollout === null ? SINGLE_GATE_MS : action.rollout.gateMinutes * 60_000;
  x.markRestarting(x.now() + x.timing.firmwareWindowMs + gateMs);
  const { afterSec } = await send(x, fw, staged, action.keepSettings);
  const backMs = (afterSec ?? 0) * 1000 + x.timing.firmwareWindowMs;
  const want = staged.file.version;
  const back = await untilBack(x, was, want, backMs, call);
  if (back === null)
    return failed(`Image sent, but the rig did not come back within ${waited(backMs)} of the upload.`);
  if (want !== null && !sameVersion(back.version, want))
    return failed(`The rig came back running ${back.version ?? 'an unknown version'}, not ${want}.`);
  const criteria: GateCriteria = { minSharePct: action.rollout?.minSharePct ?? null };
  const wrong = await untilHealthy(x, was, criteria, gateMs, call);
  const running = `Upgraded to ${back.version ?? 'a version it did not say'}`;
  if (wrong !== null) return failed(`${running}, but ${wrong} after ${waited(gateMs)}.`);
  const kept = action.keepSettings ? 'settings kept' : 'settings reset';
  return { outcome: 'done', message: `${running} (${kept}); hashing again.`, restartRequired: null };
}
