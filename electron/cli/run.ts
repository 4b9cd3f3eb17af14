import { parseArgs } from 'node:util';

import { actionKinds, type ActionKind, disruptiveActions, type RigResult } from '../../shared/control';
import type { RigRecord } from '../../shared/fleet';
import { resolveRig } from '../../shared/fleet-names';
import { type Core } from '../core';
import { createNodeCore } from '../headless-core';
import { helpOption, UsageError } from './args';
import { call } from './call';
import { type ConfigFlags, fanParams, poolParams, restoreParams, switchPoolParams } from './config-params';
import { resolveDataDir } from './data-dir';
import { type FirmwareFlags, firmwareParams, stageFirmware } from './firmware';

export const runHelp = `Usage: npm run rigdeck -- run <action> --rigs RIG[,RIG…]|all [parameters] [--yes] [--json] [--data DIR]

Sends an action to rigs (each given by id, name or IP) after checking it against each rig's own limits, and
reports, per rig, whether the miner shows the change. Every command goes to the audit log (rigdeck audit).
Actions that change power draw go a few rigs at a time, spaced out (settings: control, 5 at a time and 10 s
apart by default); the command waits for the whole job.

Actions and their parameters:
  reboot, restart, stop, pause   stop hashing for a while: they need --yes
  start, resume
  locate --on | --off            the locate LED
  preset --name NAME             a preset the rig lists (its wattage, e.g. 3425)
  throttle --percent N           20–100, Vnish 1.3.3 or later
  overclock [--freq MHZ] [--volt V]  within the model's range (volts in the /model unit, 10 mV)
  fan --fan auto --target C | --fan manual --duty PCT | --fan immersion
                                 target °C and duty % within the model's range
  pools (or pool) --pool-template prohashing --coin NAME [--region us|eu|asia] [--account A]
                                 three ProHashing slots per rig (the region first), the account as user
                                 (default: the configured ProHashing account) and a=scrypt,c=NAME,m=pplns,n=<rig>
  pools --pool URL,USER,PASS     the pool list as given (repeat up to 3 times; the password is masked in the log)
  switch-pool --index N          make slot N (1–3) the active pool
  restore --backup ID            put a settings backup back (pools, fans, tuning); needs --yes
  firmware --firmware FILE [--keep-settings | --no-keep-settings]
           [--canary N] [--wave N] [--gate-minutes N] [--min-share PCT]
                                 checks the image (archive, model, version) before any rig sees it, uploads
                                 it, waits through the reboot and reads the new version back; needs --yes.
                                 With several rigs: N canary rigs first (1), then a health gate (hashing at
                                 PCT % of nominal (80) within N minutes (15), no chain lost), then waves of
                                 N rigs (5); a failed gate halts the rollout

All registered rigs are read once first, for their limits and presets. Exit code 0 when every rig shows the
change, 1 when one did not, 2 for a usage error. With --json, one object per line: rig_id, name, ip, outcome
(done|refused|failed|unverified|cancelled|interrupted), message, restart_required.`;

function isAction(name: string | undefined): name is ActionKind {
  return (actionKinds as readonly string[]).includes(name ?? '');
}

function whole(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${flag} must be a whole number, not "${value}".`);
  return n;
}

type Flags = {
  name?: string | undefined;
  on?: boolean | undefined;
  off?: boolean | undefined;
  percent?: string | undefined;
  freq?: string | undefined;
  volt?: string | undefined;
} & ConfigFlags &
  FirmwareFlags;

/** The action's parameters from its flags; a flag that does not belong to the action is a usage error. */
export function paramsFor(action: ActionKind, f: Flags): Record<string, unknown> {
  const given = Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  const allowed: Record<ActionKind, string[]> = {
    reboot: [],
    restart: [],
    stop: [],
    start: [],
    pause: [],
    resume: [],
    locate: ['on', 'off'],
    preset: ['name'],
    throttle: ['percent'],
    overclock: ['freq', 'volt'],
    fan: ['fan', 'target', 'duty'],
    pools: ['pool-template', 'coin', 'region', 'account', 'pool'],
    'switch-pool': ['index'],
    firmware: [
      'firmware',
      'keep-settings',
      'no-keep-settings',
      'canary',
      'wave',
      'gate-minutes',
      'min-share',
    ],
    restore: ['backup'],
  };
  const stray = given.filter((k) => !allowed[action].includes(k));
  if (stray.length > 0) throw new UsageError(`"${action}" takes no --${stray.join(', --')}.`);
  switch (action) {
    case 'locate':
      if (f.on === f.off) throw new UsageError('locate needs --on or --off.');
      return { on: f.on === true };
    case 'preset':
      if (f.name === undefined) throw new UsageError('preset needs --name.');
      return { name: f.name };
    case 'throttle':
      if (f.percent === undefined) throw new UsageError('throttle needs --percent.');
      return { percent: whole('percent', f.percent) };
    case 'overclock':
      if (f.freq === undefined && f.volt === undefined)
        throw new UsageError('overclock needs --freq or --volt.');
      return { freq: whole('freq', f.freq) ?? null, volt: whole('volt', f.volt) ?? null };
    case 'fan':
      return fanParams(f);
    case 'pools':
      return poolParams(f);
    case 'switch-pool':
      return switchPoolParams(f);
    case 'restore':
      return restoreParams(f);
    case 'firmware':
      // Checked here for the flags; run() adds the staged file's id and the rollout for its rigs.
      return firmwareParams(f, 1);
    default:
      return {};
  }
}

/** Rigs by id, name or IP, in the order given; "all" is every registered rig. */
export function pickRigs(rigs: readonly RigRecord[], spec: string): RigRecord[] {
  if (spec.trim() === 'all') return [...rigs];
  const wanted = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (wanted.length === 0) throw new UsageError('--rigs needs at least one rig.');
  return wanted.map((w) => {
    const { rig, error } = resolveRig(rigs, w);
    if (rig) return rig;
    throw new UsageError(error);
  });
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      rigs: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      json: { type: 'boolean' },
      data: { type: 'string' },
      name: { type: 'string' },
      on: { type: 'boolean' },
      off: { type: 'boolean' },
      percent: { type: 'string' },
      freq: { type: 'string' },
      volt: { type: 'string' },
      fan: { type: 'string' },
      target: { type: 'string' },
      duty: { type: 'string' },
      'pool-template': { type: 'string' },
      coin: { type: 'string' },
      region: { type: 'string' },
      account: { type: 'string' },
      pool: { type: 'string', multiple: true },
      index: { type: 'string' },
      backup: { type: 'string' },
      firmware: { type: 'string' },
      'keep-settings': { type: 'boolean' },
      'no-keep-settings': { type: 'boolean' },
      canary: { type: 'string' },
      wave: { type: 'string' },
      'gate-minutes': { type: 'string' },
      'min-share': { type: 'string' },
      ...helpOption,
    },
  });
  if (values.help) {
    console.log(runHelp);
    return 0;
  }
  const [given, ...extra] = positionals;
  // "pool" is the and a technician's word for the pools action.
  const action = given === 'pool' ? 'pools' : given;
  if (!isAction(action)) throw new UsageError(`Give an action: ${actionKinds.join(', ')}.`);
  if (extra.length > 0) throw new UsageError(`Unexpected "${extra.join(' ')}".`);
  if (values.rigs === undefined) throw new UsageError('Give the rigs: --rigs RIG[,RIG…] or --rigs all.');
  // Every flag but the command's own is the action's: paramsFor refuses those the action does not take.
  const { rigs: _rigs, yes: _yes, json: _json, data: _data, help: _help, ...flags } = values;
  const params = paramsFor(action, flags);
  // Asked before anything is read, so a forgotten --yes costs nothing.
  if (disruptiveActions.has(action) && values.yes !== true)
    throw new UsageError(`"${action}" stops hashing for a while; add --yes to proceed.`);

  const core = createNodeCore({
    face: 'cli',
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    const { rigs } = await call(core, 'fleet.list', {});
    const chosen = pickRigs(rigs, values.rigs);
    if (chosen.length === 0) {
      console.error(`No rigs registered in ${core.info.dataDir}.`);
      return 0;
    }
    await withAccount(core, params);
    if (action === 'firmware' && flags.firmware !== undefined) {
      const file = await stageFirmware(core, flags.firmware);
      if (!file.ok) {
        console.error(
          `firmware: ${flags.firmware} refused: ${file.reason ?? 'not a sound image'}; nothing was sent.`,
        );
        return 1;
      }
      Object.assign(params, firmwareParams(flags, chosen.length), { fileId: file.fileId });
    }
    // A core that is not running knows nothing of the rigs yet: one read gives the limits the action is judged on.
    await call(core, 'fleet.pollNow', {});
    const { jobId } = await call(core, 'control.run', {
      action,
      rigIds: chosen.map((r) => r.id),
      params,
      confirm: values.yes === true,
    });
    const job = await untilEnded(core, jobId);
    const byId = new Map(chosen.map((r) => [r.id, r]));
    const results = job.rigs.map((r): RigLine => ({ ...r, outcome: r.state, message: r.message ?? '' }));
    for (const r of results) {
      const rig = byId.get(r.rigId);
      console.log(values.json ? JSON.stringify(resultLine(r, rig)) : textLine(r, rig));
    }
    const done = results.filter((r) => r.outcome === 'done').length;
    console.error(`${action}: ${done} of ${results.length} done (job ${jobId})`);
    return done === results.length ? 0 : 1;
  } finally {
    await core.stop();
  }
}

/** A ProHashing template without --account takes the account configured in the settings (not secret). */
async function withAccount(core: Core, params: Record<string, unknown>): Promise<void> {
  const t = params['template'];
  if (typeof t !== 'object' || t === null || !('account' in t) || t.account !== '') return;
  const { pool } = await call(core, 'settings.get', {});
  if (pool.accountName === '')
    throw new UsageError(
      '--account: no ProHashing account is configured (Settings page); give --account NAME.',
    );
  params['template'] = { ...t, account: pool.accountName };
}

/** A rig's line: its command outcome, or cancelled / interrupted when the job ended before it ran. */
export type RigLine = Pick<RigResult, 'rigId' | 'message' | 'restartRequired'> & { outcome: string };

/** The job runs in this process: a referenced timer keeps the CLI alive while the paced starts wait. */
async function untilEnded(core: Core, jobId: string) {
  for (;;) {
    const job = await call(core, 'jobs.get', { id: jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function resultLine(r: RigLine, rig: RigRecord | undefined) {
  return {
    rig_id: r.rigId,
    name: rig?.name ?? null,
    ip: rig?.ip ?? null,
    outcome: r.outcome,
    message: r.message,
    restart_required: r.restartRequired,
  };
}

function textLine(r: RigLine, rig: RigRecord | undefined): string {
  return [
    (rig?.name ?? r.rigId).padEnd(18),
    (rig?.ip ?? '').padEnd(16),
    r.outcome.padEnd(10),
    r.message,
  ].join(' ');
}
