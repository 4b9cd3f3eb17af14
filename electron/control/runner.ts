/**
 * The one door commands go through (docs/architecture.md, data flow): for each rig, the audit row is written
 * first, the action is checked against the rig's limits (refused before anything is sent), then it runs in the
 * rig's queue (one command at a time per rig) and is read back; the audit row is completed with the result.
 * A failure on one rig never stops the others: every rig gets its own result.
 */
import { randomUUID } from 'node:crypto';

import { type Backup } from '../../shared/backups';
import { type Face } from '../../shared/contract';
import { type ActionKind, type ControlAction, type RigResult } from '../../shared/control';
import { type Clock, systemClock } from '../clock';
import { createSemaphore } from '../discovery/limiter';
import { type MinerAgent } from '../miners/vnish/http';
import { createVnishClient, type TokenStore } from '../miners/vnish/client';
import { createVnishControl } from '../miners/vnish/control';
import { type BackupStore } from './backups/store';
import { paramsOf, restarts } from './actions';
import { type FirmwareProgress } from '../../shared/firmware';
import { type ExecContext, execute, untilHashing } from './execute';
import { type StagedFiles } from './firmware/check';
import { type FirmwareExec } from './firmware/upgrade';
import { checkAction, type RigFacts } from './limits';
import { createRigQueue } from './rig-queue';
import { type ControlTiming, DEFAULT_CONTROL_TIMING } from './timing';
import { failureMessage } from './wording';

/** Where a rig is and what is known of it; the password stays inside the core. */
export type ControlTarget = {
  host: string;
  port: number;
  password: string;
  facts: RigFacts;
  /** The fleet's name for the rig (the ProHashing template's worker name); the id when not given. */
  name?: string;
};

/** Changes that rewrite the rig's settings: a backup of them is taken first (docs/architecture.md, controls). */
export const BACKED_UP: ReadonlySet<ActionKind> = new Set([
  'preset',
  'overclock',
  'fan',
  'pools',
  'restore',
  'firmware',
]);

export type AuditBegin = {
  batchId: string;
  atMs: number;
  face: Face;
  rigId: string;
  action: ControlAction['kind'];
  params: Record<string, unknown>;
};

/** The audit log as control sees it (audit.ts): a row before sending, completed after. */
export type AuditPort = {
  begin(entry: AuditBegin): string;
  /** The command left the rig's queue and goes to the miner now. */
  started(id: string, atMs: number): void;
  finish(id: string, atMs: number, result: RigResult): void;
};

export type ControlDeps = {
  target(rigId: string): ControlTarget | null;
  /** The collector's hook: the rig shows restarting and its uptime reset is not counted as its own restart. */
  markRestarting(rigId: string, untilMs: number): void;
  /** The miner refused a reboot / restart announced with `markRestarting`: the rig is not going away. */
  cancelRestarting?(rigId: string): void;
  audit: AuditPort | null;
  /** Where settings backups go; without it no backup is taken and `restore` finds none. */
  backups?: Pick<BackupStore, 'save' | 'document'>;
  /** Staged firmware images and where an upload's progress goes; without it a firmware action is refused. */
  firmware?: FirmwarePort;
  clock?: Clock;
  agent?: MinerAgent;
  timing?: Partial<ControlTiming>;
};

export type FirmwarePort = {
  file: FirmwareExec['file'];
  progress(p: FirmwareProgress): void;
};

export type RunRequest = {
  action: ControlAction;
  rigIds: readonly string[];
  face: Face;
  /** The job the command is part of: its audit rows share it. A new one when not given. */
  batchId?: string;
};

export type Control = {
  /** Every rig's result, in the order asked; never throws for one rig's failure. */
  run(request: RunRequest): Promise<RigResult[]>;
  /** Commands queued or running for a rig. */
  pending(rigId: string): number;
  /** Why `run` would refuse this action for this rig without sending anything; null when it would send. */
  refusal(rigId: string, action: ControlAction): RigResult | null;
  /**
   * After a reboot or restart: resolves once the rig hashes again (true) or its window passed (false); at once
   * for other actions. A bulk job holds the rig's slot until then, since the surge is the boards coming back.
   */
  back(rigId: string, action: ControlAction): Promise<boolean>;
  /**
   * Reads the rig's settings now and keeps them as a backup (`reason`: "manual", or the action it comes before).
   * Rejects when the rig is unknown, cannot be read, or no backup store was given.
   */
  takeBackup(rigId: string, reason: string): Promise<Backup>;
};

const unknownRig = (rigId: string): RigResult => ({
  rigId,
  outcome: 'refused',
  message: 'Unknown rig; nothing was sent.',
  restartRequired: null,
});

function refusal(
  rigId: string,
  action: ControlAction,
  target: ControlTarget | null,
  backups: ControlDeps['backups'],
  staged?: StagedFiles,
): RigResult | null {
  if (target === null) return unknownRig(rigId);
  if (action.kind === 'restore' && (backups?.document(action.backupId, rigId) ?? null) === null) {
    const message = `No backup ${action.backupId} of this rig; nothing was sent.`;
    return { rigId, outcome: 'refused', message, restartRequired: null };
  }
  const refused = checkAction(action, target.facts, staged);
  return refused === null
    ? null
    : { rigId, outcome: 'refused', message: refused.message, restartRequired: null };
}

type BackupPort = ControlDeps['backups'];

async function backUp(
  store: BackupPort,
  x: ExecContext,
  rigId: string,
  reason: string,
  atMs: number,
): Promise<Backup> {
  if (store === undefined) throw new Error('Settings backups are not kept in this build.');
  const call = { timeoutMs: x.timing.callTimeoutMs };
  const { raw } = await createVnishControl(x.client.transport).getSettings(call);
  return store.save({ rigId, atMs, reason, firmwareVersion: x.firmwareVersion, document: raw });
}

/** Null when the backup was taken (or none is kept here); the rig's failure otherwise, nothing sent. */
async function backupFirst(
  store: BackupPort,
  x: ExecContext,
  rigId: string,
  action: ControlAction,
  atMs: number,
): Promise<RigResult | null> {
  if (store === undefined || !BACKED_UP.has(action.kind)) return null;
  try {
    await backUp(store, x, rigId, action.kind, atMs);
    return null;
  } catch (error) {
    const message = `Could not back up its settings first, so nothing was sent: ${failureMessage(error)}`;
    return { rigId, outcome: 'failed', message, restartRequired: null };
  }
}

export function createControl(deps: ControlDeps): Control {
  const clock = deps.clock ?? systemClock;
  const timing: ControlTiming = { ...DEFAULT_CONTROL_TIMING, ...deps.timing };
  const queue = createRigQueue();
  const parallel = createSemaphore(timing.concurrency);
  // Logins are kept between commands, per miner address, like the collector's.
  const tokens: TokenStore = new Map<string, string>();
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => clock.after(ms, resolve));
  const fw = deps.firmware;
  const staged: StagedFiles | undefined = fw && ((fileId) => fw.file(fileId)?.file ?? null);

  function firmwareFor(rigId: string, jobId: string): FirmwareExec | undefined {
    if (fw === undefined) return undefined;
    return {
      file: (fileId) => fw.file(fileId),
      progress: (sentBytes, totalBytes) => fw.progress({ jobId, rigId, sentBytes, totalBytes }),
    };
  }

  function contextFor(rigId: string, target: ControlTarget, batchId = ''): ExecContext {
    const client = createVnishClient({
      host: target.host,
      port: target.port,
      password: target.password,
      timeoutMs: timing.callTimeoutMs,
      tokens,
      ...(deps.agent ? { agent: deps.agent } : {}),
    });
    return {
      client,
      firmwareVersion: target.facts.firmwareVersion,
      timing,
      now: () => clock.now(),
      sleep,
      markRestarting: (untilMs) => deps.markRestarting(rigId, untilMs),
      cancelRestarting: () => deps.cancelRestarting?.(rigId),
      rigName: target.name ?? rigId,
      backupDocument: (backupId) => deps.backups?.document(backupId, rigId) ?? null,
      ...(fw === undefined ? {} : { firmware: firmwareFor(rigId, batchId) }),
    };
  }

  async function attempt(
    rigId: string,
    action: ControlAction,
    row: string | null,
    batchId: string,
  ): Promise<RigResult> {
    const target = deps.target(rigId);
    const refused = refusal(rigId, action, target, deps.backups, staged);
    if (refused !== null || target === null) return refused ?? unknownRig(rigId);
    return queue.run(rigId, async () => {
      await parallel.acquire();
      try {
        if (row !== null) deps.audit?.started(row, clock.now());
        const x = contextFor(rigId, target, batchId);
        const unsafe = await backupFirst(deps.backups, x, rigId, action, clock.now());
        if (unsafe !== null) return unsafe;
        const done = await execute(x, action);
        const needsRestart = done.outcome === 'done' && done.restartRequired === true && !restarts(action);
        const message = needsRestart
          ? `${done.message} It takes effect after a mining restart.`
          : done.message;
        return { rigId, ...done, message };
      } catch (error) {
        return { rigId, outcome: 'failed', message: failureMessage(error), restartRequired: null };
      } finally {
        parallel.release();
      }
    });
  }

  return {
    async run({ action, rigIds, face, batchId = randomUUID() }) {
      const params = paramsOf(action);
      return Promise.all(
        [...new Set(rigIds)].map(async (rigId) => {
          // Written before anything is sent, so a command that hangs or crashes RigDeck is still on record.
          const row =
            deps.audit?.begin({ batchId, atMs: clock.now(), face, rigId, action: action.kind, params }) ??
            null;
          const result = await attempt(rigId, action, row, batchId);
          if (row !== null) deps.audit?.finish(row, clock.now(), result);
          return result;
        }),
      );
    },
    pending: (rigId) => queue.pending(rigId),
    refusal: (rigId, action) => refusal(rigId, action, deps.target(rigId), deps.backups, staged),
    async back(rigId, action) {
      if (!restarts(action)) return true;
      const target = deps.target(rigId);
      if (target === null) return false;
      const window = action.kind === 'reboot' ? timing.rebootWindowMs : timing.restartWindowMs;
      return untilHashing(contextFor(rigId, target), window);
    },
    async takeBackup(rigId, reason) {
      const target = deps.target(rigId);
      if (target === null) throw new Error(`Unknown rig ${rigId}.`);
      return backUp(deps.backups, contextFor(rigId, target), rigId, reason, clock.now());
    },
  };
}
