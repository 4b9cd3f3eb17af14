/**
 * One action on one rig: the write, then a read-back until the miner shows the change or the wait runs out
 * (docs/vnish.md §3.7: a 200 does not prove a change applied). Limits were checked before this runs; errors
 * from the miner (a refusal, a wrong password, no answer) propagate as MinerError for the runner to word.
 */
import { type ControlAction, type MiningVerb, type PoolSlot } from '../../shared/control';
import { formatDuration } from '../../shared/format';
import { prohashingPools } from '../../shared/prohashing-template';
import { parseUptimeSeconds } from '../../shared/units';
import { MinerError } from '../miners/errors';
import { type CallOptions, type VnishClient } from '../miners/vnish/client';
import { createVnishControl } from '../miners/vnish/control';
import { type Settings } from '../miners/vnish/schemas-control';
import { type Status } from '../miners/vnish/schemas-summary';
import { type FirmwareExec, upgradeFirmware } from './firmware/upgrade';
import { versionAtLeast } from './limits';
import { type ControlTiming } from './timing';
import { restorable } from './backups/document';
import {
  activePoolShows,
  contains,
  coolingMode,
  fanShows,
  hashing,
  locateShows,
  miningShows,
  overclockShows,
  poolsShow,
  presetShows,
  type RebootProbe,
  rebootShows,
  throttleShows,
} from './verify';

export type ExecContext = {
  client: VnishClient;
  firmwareVersion: string | null;
  timing: ControlTiming;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Tell the collector the rig is about to go away on purpose; called before the request is sent. */
  markRestarting(untilMs: number): void;
  /** The miner refused the reboot or restart after `markRestarting`: the rig is not going anywhere. */
  cancelRestarting(): void;
  /** The rig's name as the fleet knows it (the ProHashing template's worker name). */
  rigName: string;
  /** A backup's settings document for `restore`; null when there is none of this rig. */
  backupDocument(backupId: string): unknown;
  /** Staged images and the upload's progress, for firmware actions. */
  firmware?: FirmwareExec;
};

export type Executed = {
  outcome: 'done' | 'unverified' | 'failed';
  message: string;
  restartRequired: boolean | null;
};

/** /locate-miner replaced /find-miner in 1.3.4 (docs/vnish.md §4). */
const LOCATE_MINER_SINCE = { major: 1, minor: 3, patch: 4 } as const;

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Reads until `shows` holds or `budgetMs` has passed; the first read is right after the write. */
async function readBack<T>(
  x: ExecContext,
  read: () => Promise<T>,
  shows: (value: T) => boolean,
  budgetMs = x.timing.readBackMs,
): Promise<{ shown: boolean; lastError: string | null }> {
  const deadline = x.now() + budgetMs;
  for (;;) {
    let lastError: string | null = null;
    try {
      if (shows(await read())) return { shown: true, lastError: null };
    } catch (e) {
      lastError = describe(e);
    }
    const left = deadline - x.now();
    if (left <= 0) return { shown: false, lastError };
    await x.sleep(Math.min(x.timing.readBackIntervalMs, left));
  }
}

function verdict(
  r: { shown: boolean; lastError: string | null },
  done: string,
  expected: string,
  waitedMs: number,
  restartRequired: boolean | null = null,
): Executed {
  if (r.shown) return { outcome: 'done', message: done, restartRequired };
  const why = r.lastError === null ? '' : ` (last read: ${r.lastError})`;
  const waited = waitedMs < 1000 ? `${waitedMs} ms` : formatDuration(waitedMs / 1000);
  return {
    outcome: 'unverified',
    message: `The miner accepted the command but did not show ${expected} within ${waited}${why}.`,
    restartRequired,
  };
}

const MINING_DONE: Record<MiningVerb, [string, string]> = {
  start: ['Mining started.', 'mining starting'],
  stop: ['Mining stopped.', 'mining stopped'],
  restart: ['Mining restarted.', 'a mining restart'],
  pause: ['Mining paused.', 'mining paused'],
  resume: ['Mining resumed.', 'mining resuming'],
};

/**
 * Sends a request that was announced to the collector as a restart: if the miner answers with a refusal (or
 * cannot be reached at all), the announcement is taken back. A timeout is left standing, since the miner may
 * have heard it and be going down; the window ends it otherwise.
 */
async function refusable<T>(x: ExecContext, announced: boolean, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (e) {
    if (announced && !(e instanceof MinerError && e.code === 'timeout')) x.cancelRestarting();
    throw e;
  }
}

async function mining(x: ExecContext, verb: MiningVerb, call: CallOptions): Promise<Executed> {
  const before = await x.client.status(call);
  if (verb === 'restart') x.markRestarting(x.now() + x.timing.restartWindowMs);
  await refusable(x, verb === 'restart', () => createVnishControl(x.client.transport).mining(verb, call));
  const r = await readBack(
    x,
    () => x.client.status(call),
    (s: Status) => miningShows(verb, before, s),
  );
  const [done, expected] = MINING_DONE[verb];
  return verdict(r, done, expected, x.timing.readBackMs);
}

async function reboot(x: ExecContext, call: CallOptions): Promise<Executed> {
  const before = parseUptimeSeconds((await x.client.info(call)).system?.uptime ?? null);
  x.markRestarting(x.now() + x.timing.rebootWindowMs);
  const { afterSec } = await refusable(x, true, () => createVnishControl(x.client.transport).reboot(call));
  const probe = async (): Promise<RebootProbe> => {
    try {
      const info = await x.client.info(call);
      return { down: false, uptimeSec: parseUptimeSeconds(info.system?.uptime ?? null) };
    } catch (e) {
      if (e instanceof MinerError && (e.code === 'unreachable' || e.code === 'timeout'))
        return { down: true };
      throw e;
    }
  };
  // The miner goes down `after` seconds after answering: the wait starts counting from then.
  const budget = x.timing.readBackMs + (afterSec ?? 0) * 1000;
  const r = await readBack(x, probe, (p) => rebootShows(before, p), budget);
  return verdict(r, 'Rebooting.', 'a reboot', budget);
}

async function locate(x: ExecContext, on: boolean, call: CallOptions): Promise<Executed> {
  const word = on ? 'on' : 'off';
  // The endpoint toggles, so it is only called when the LED is not already as asked.
  if (locateShows(on, await x.client.status(call)))
    return { outcome: 'done', message: `Locate LED already ${word}.`, restartRequired: null };
  const control = createVnishControl(x.client.transport);
  if (versionAtLeast(x.firmwareVersion, LOCATE_MINER_SINCE) === true) await control.toggleLocateMiner(call);
  else await control.toggleFindMiner(call);
  const r = await readBack(
    x,
    () => x.client.status(call),
    (s: Status) => locateShows(on, s),
  );
  return verdict(r, `Locate LED ${word}.`, `the locate LED ${word}`, x.timing.readBackMs);
}

async function throttle(x: ExecContext, percent: number, call: CallOptions): Promise<Executed> {
  const saved = await createVnishControl(x.client.transport).throttle(percent, call);
  const r = await readBack(
    x,
    () => x.client.status(call),
    (s: Status) => throttleShows(percent, s),
  );
  return verdict(
    r,
    `Throttled to ${percent} %.`,
    `${percent} % throttle`,
    x.timing.readBackMs,
    saved.restart_required,
  );
}

/** POST /settings with a part of the `miner` section, then GET /settings until `shows` holds. */
async function saveAndCheck(
  x: ExecContext,
  miner: Record<string, unknown>,
  shows: (s: Settings, raw: unknown) => boolean,
  words: [string, string],
  call: CallOptions,
): Promise<Executed> {
  const control = createVnishControl(x.client.transport);
  const saved = await control.saveSettings({ miner }, call);
  const read = () => control.getSettings(call);
  const r = await readBack(x, read, (got) => shows(got.settings, got.raw));
  return verdict(r, words[0], words[1], x.timing.readBackMs, saved.restart_required);
}

async function switchPool(x: ExecContext, index: number, call: CallOptions): Promise<Executed> {
  await createVnishControl(x.client.transport).switchPool(index, call);
  const r = await readBack(
    x,
    () => x.client.summary(call),
    (s) => activePoolShows(index, s),
  );
  return verdict(r, `Pool ${index + 1} is active.`, `pool ${index + 1} active`, x.timing.readBackMs);
}

function pools(x: ExecContext, action: Extract<ControlAction, { kind: 'pools' }>, call: CallOptions) {
  const slots: PoolSlot[] =
    action.template === null ? (action.pools ?? []) : prohashingPools(action.template, x.rigName);
  const n = slots.length;
  const words: [string, string] = [`${n} pool${n === 1 ? '' : 's'} saved.`, 'the new pools in its settings'];
  return saveAndCheck(x, { pools: slots }, (s) => poolsShow(slots, s), words, call);
}

function restore(x: ExecContext, backupId: string, call: CallOptions): Promise<Executed> {
  const miner = restorable(x.backupDocument(backupId));
  if (miner === null) throw new Error(`Backup ${backupId} holds no miner settings to put back.`);
  const words: [string, string] = ['Settings restored from the backup.', "the backup's settings"];
  return saveAndCheck(x, miner, (_s, raw) => contains({ miner }, raw), words, call);
}

/** Reads /status until the miner hashes again or `budgetMs` passes (a rig down answers nothing: it waits). */
export async function untilHashing(x: ExecContext, budgetMs: number): Promise<boolean> {
  const call: CallOptions = { timeoutMs: x.timing.callTimeoutMs };
  const r = await readBack(x, () => x.client.status(call), hashing, budgetMs);
  return r.shown;
}

export async function execute(x: ExecContext, action: ControlAction): Promise<Executed> {
  const call: CallOptions = { timeoutMs: x.timing.callTimeoutMs };
  switch (action.kind) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'pause':
    case 'resume':
      return mining(x, action.kind, call);
    case 'reboot':
      return reboot(x, call);
    case 'locate':
      return locate(x, action.on, call);
    case 'throttle':
      return throttle(x, action.percent, call);
    case 'preset': {
      const { name } = action;
      const words: [string, string] = [`Preset ${name} saved.`, `preset ${name} in its settings`];
      return saveAndCheck(x, { overclock: { preset: name } }, (s) => presetShows(name, s), words, call);
    }
    case 'overclock': {
      const { freq, volt } = action;
      const globals = { ...(freq === null ? {} : { freq }), ...(volt === null ? {} : { volt }) };
      const words: [string, string] = ['Overclock saved.', 'the new frequency/voltage in its settings'];
      return saveAndCheck(x, { overclock: { globals } }, (s) => overclockShows(freq, volt, s), words, call);
    }
    case 'fan': {
      const mode = coolingMode(action.mode, action.target, action.duty);
      const what =
        action.mode === 'auto'
          ? `auto at ${action.target ?? '?'} °C`
          : action.mode === 'manual'
            ? `manual at ${action.duty ?? '?'} %`
            : 'immersion';
      const words: [string, string] = [`Fans set to ${what}.`, `fans ${what} in its settings`];
      return saveAndCheck(x, { cooling: { mode } }, (s) => fanShows(mode, s), words, call);
    }
    case 'firmware':
      return upgradeFirmware(x, x.firmware, action);
    case 'pools':
      return pools(x, action, call);
    case 'switch-pool':
      return switchPool(x, action.index, call);
    case 'restore':
      return restore(x, action.backupId, call);
  }
}
