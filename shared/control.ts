/**
 * Commands to rigs as both sides see them (docs/vnish.md §4): the actions RigDeck sends, and what came of each
 * one on each rig. Parameters are numbers and names only; a password never appears here.
 */
import { z } from 'zod';

import { type ActionKind, actionKinds, fanModes, miningVerbs, outcomes } from './control-names';
import { faces } from './faces';

export {
  actionKinds,
  disruptiveActions,
  fanModes,
  miningVerbs,
  outcomes,
  type ActionKind,
  type FanMode,
  type MiningVerb,
  type Outcome,
} from './control-names';

const whole = z.number().int();

export const poolSlotSchema = z.strictObject({
  url: z.string().min(1).max(256),
  user: z.string().min(1).max(256),
  pass: z.string().max(256).default(''),
});
export type PoolSlot = z.infer<typeof poolSlotSchema>;

export const poolTemplateSchema = z.strictObject({
  name: z.literal('prohashing'),
  /** ProHashing coin name for `c=` (e.g. "litecoin", "dogecoin"). */
  coin: z.string().min(1).max(64),
  /** Region key of the stratum host (settings lists them; docs/prohashing.md). */
  region: z.string().min(1).max(32).default('us'),
  /** The ProHashing account name: the stratum user. */
  account: z.string().min(1).max(128),
});
export type PoolTemplate = z.infer<typeof poolTemplateSchema>;

export const rolloutSchema = z.strictObject({
  /** Rigs upgraded first, alone; the rest wait for the gate. */
  canary: whole.min(1).max(50).default(1),
  /** How long an upgraded rig has to come back and hash before the gate fails. */
  gateMinutes: whole.min(1).max(120).default(15),
  /** Share of the rig's nominal hashrate it must reach to pass the gate. */
  minSharePct: whole.min(10).max(100).default(80),
  /** Rigs per wave after the canaries. */
  waveSize: whole.min(1).max(500).default(5),
});
export type Rollout = z.infer<typeof rolloutSchema>;

// Strict: a parameter the action does not take is a mistake to report, not to drop silently.
export const controlActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reboot') }),
  ...miningVerbs.map((verb) => z.strictObject({ kind: z.literal(verb) })),
  z.strictObject({ kind: z.literal('locate'), on: z.boolean() }),
  z.strictObject({ kind: z.literal('preset'), name: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('throttle'), percent: whole }),
  /** Global frequency (MHz) and voltage (the /model unit, 10 mV); at least one is given. */
  z.strictObject({
    kind: z.literal('overclock'),
    freq: whole.nullable().default(null),
    volt: whole.nullable().default(null),
  }),
  /**
   * Fan mode (docs/vnish.md §3.7 cooling.mode): `auto` holds `target` °C, `manual` runs at `duty` %, `immersion`
   * runs without fans. The field the mode does not use must be left out (null).
   */
  z.strictObject({
    kind: z.literal('fan'),
    mode: z.enum(fanModes),
    target: whole.nullable().default(null),
    duty: whole.nullable().default(null),
  }),
  /**
   * The rig's pool list, sent whole (up to three slots, the first is tried first). Either `pools` as given, or
   * `template` to fill them per rig (ProHashing: the region's stratum URL, the account as user, and the password
   * `a=scrypt,c=<coin>,m=pplns,n=<rig name>`; docs/prohashing.md).
   */
  z.strictObject({
    kind: z.literal('pools'),
    pools: z.array(poolSlotSchema).min(1).max(3).nullable().default(null),
    template: poolTemplateSchema.nullable().default(null),
  }),
  /** Make pool slot `index` (0-based) the active one. */
  z.strictObject({ kind: z.literal('switch-pool'), index: whole.min(0).max(2) }),
  /**
   * Firmware upgrade from a file staged with `firmware.*` (its `fileId`). With several rigs and `rollout`, canary
   * rigs go first, then a health gate, then the rest in waves; a failed gate halts the job.
   */
  z.strictObject({
    kind: z.literal('firmware'),
    fileId: z.string().min(1).max(64),
    keepSettings: z.boolean().default(true),
    rollout: rolloutSchema.nullable().default(null),
  }),
  /** Put back a settings backup RigDeck took of this rig (before a risky change, or by hand). */
  z.strictObject({ kind: z.literal('restore'), backupId: z.string().min(1).max(64) }),
]);
export type ControlAction = z.infer<typeof controlActionSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The schema's action kinds are exactly control-names.ts's list: this fails to compile when they drift. */
const _kindsAgree: Same<ControlAction['kind'], ActionKind> = true;

const rigId = z.string().min(1).max(64);

/**
 * `control.run`: the action by name and its parameters apart (`{"name": "3425"}` for a preset, `{"on": true}`
 * for the LED), so a face can build it from a form or a command line. Disruptive actions need `confirm`.
 */
export const controlRunRequestSchema = z
  .object({
    action: z.enum(actionKinds),
    rigIds: z.array(rigId).min(1).max(10_000),
    params: z.record(z.string(), z.unknown()).default({}),
    confirm: z.boolean().default(false),
  })
  .strict();
export type ControlRunRequest = z.infer<typeof controlRunRequestSchema>;

export const rigResultSchema = z.object({
  rigId: z.string(),
  outcome: z.enum(outcomes),
  message: z.string(),
  /** The miner said a mining restart is needed for the change to take effect (null: it did not say). */
  restartRequired: z.boolean().nullable(),
});
export type RigResult = z.infer<typeof rigResultSchema>;

/** One row of the audit log: one rig's part of one command, from before it was sent to its result. */
export const auditEntrySchema = z.object({
  id: z.string(),
  /** Rows of one request to several rigs share it. */
  batchId: z.string().nullable(),
  rigId: z.string(),
  action: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** Null only on rows written before the face was recorded. */
  face: z.enum(faces).nullable(),
  requestedAtMs: z.number(),
  /** When it went to the miner; null when it never did (refused, or cut short while queued). */
  startedAtMs: z.number().nullable(),
  finishedAtMs: z.number().nullable(),
  /** Null while pending, or when RigDeck stopped before it ended. */
  outcome: z.enum(outcomes).nullable(),
  message: z.string().nullable(),
  restartRequired: z.boolean().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListRequestSchema = z
  .object({
    rigId: rigId.optional(),
    /** Only commands requested before this time (paging back). */
    beforeMs: z.number().int().optional(),
    limit: z.number().int().min(1).max(5000).default(200),
  })
  .strict()
  .prefault({});

/** One autotune preset a rig offers (docs/vnish.md §3.5), with the figures its `pretty` text states. */
export const presetOptionSchema = z.object({
  name: z.string(),
  pretty: z.string().nullable(),
  status: z.enum(['tuned', 'untuned', 'unknown']),
  watts: z.number().nullable(),
  hashrateMhs: z.number().nullable(),
  moddedPsuRequired: z.boolean().nullable(),
});
export type PresetOption = z.infer<typeof presetOptionSchema>;

const bound = z.number().nullable();

/**
 * What a face may offer for one rig, from what the collector last read of it (docs/vnish.md §3.2 `/model`,
 * §3.5 presets, §4 throttle): the same facts the core judges an action by, so a dialog bounds its inputs
 * exactly where the core would refuse. Null: the rig has not said yet.
 */
export const rigOptionsSchema = z.object({
  rigId: z.string(),
  /** False: no such rig in the fleet (every other field is then empty). */
  known: z.boolean(),
  firmwareVersion: z.string().nullable(),
  /** When the presets and limits below were read (the collector's slow tier); null: not read yet. */
  readAtMs: z.number().nullable(),
  presets: z.array(presetOptionSchema).nullable(),
  currentPreset: z.string().nullable(),
  /** Frequency in MHz; voltage in the /model unit of 10 mV. `maxVolt` is the stock-PSU ceiling the core holds to. */
  overclock: z
    .object({
      minFreq: bound,
      maxFreq: bound,
      defaultFreq: bound,
      minVolt: bound,
      maxVolt: bound,
      defaultVolt: bound,
    })
    .nullable(),
  /** Fan limits from /model: the lowest duty % and the target temperature range in °C. */
  cooling: z.object({ minFanPwm: bound, minTargetTemp: bound, maxTargetTemp: bound }).nullable(),
  /** Throttle %: `supported` null when the firmware version is unknown (the core then refuses it). */
  throttle: z.object({ supported: z.boolean().nullable(), min: z.number(), max: z.number() }),
});
export type RigOptions = z.infer<typeof rigOptionsSchema>;

export const controlOptionsRequestSchema = z.object({ rigIds: z.array(rigId).min(1).max(10_000) }).strict();
