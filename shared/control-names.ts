/**
 * Commands and their outcomes by name, without zod: the Fleet page's controls and recommendations name them on
 * the first screen, which must not download the contract's schemas for it (renderer_bundle_gzip_kb).
 * `control.ts` re-exports these beside the schemas, and fails to compile if its action kinds drift from these.
 */

export const miningVerbs = ['start', 'stop', 'restart', 'pause', 'resume'] as const;
export type MiningVerb = (typeof miningVerbs)[number];

export const fanModes = ['auto', 'manual', 'immersion'] as const;
export type FanMode = (typeof fanModes)[number];

export const actionKinds = [
  'reboot',
  ...miningVerbs,
  'locate',
  'preset',
  'throttle',
  'overclock',
  'fan',
  'pools',
  'switch-pool',
  'firmware',
  'restore',
] as const;
export type ActionKind = (typeof actionKinds)[number];

/** Actions that stop hashing or take the rig away for a while: every face asks for confirmation first. */
export const disruptiveActions: ReadonlySet<ActionKind> = new Set([
  'reboot',
  'restart',
  'stop',
  'pause',
  'firmware',
  'restore',
]);

/**
 * What came of a command on one rig. `done`: the miner shows the change. `refused`: RigDeck did not send it
 * (a limit, an unknown rig). `failed`: the miner refused or could not be reached. `unverified`: the miner
 * answered but did not show the change within the wait (it may still apply, or may have been ignored).
 */
export const outcomes = ['done', 'refused', 'failed', 'unverified'] as const;
export type Outcome = (typeof outcomes)[number];
