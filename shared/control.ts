/**
 * Commands to rigs as both sides see them (docs/vnish.md §4): the actions RigDeck sends, and what came of each
 * one on each rig. Parameters are numbers and names only; a password never appears here.
 */
import { z } from 'zod';

import { faces } from './faces';

export const miningVerbs = ['start', 'stop', 'restart', 'pause', 'resume'] as const;
export type MiningVerb = (typeof miningVerbs)[number];

const whole = z.number().int();

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
]);
export type ControlAction = z.infer<typeof controlActionSchema>;
export type ActionKind = ControlAction['kind'];

export const actionKinds = [
  'reboot',
  ...miningVerbs,
  'locate',
  'preset',
  'throttle',
  'overclock',
] as const satisfies readonly ActionKind[];

/** Actions that stop hashing or take the rig away for a while: every face asks for confirmation first. */
export const disruptiveActions: ReadonlySet<ActionKind> = new Set(['reboot', 'restart', 'stop', 'pause']);

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

/**
 * What came of a command on one rig. `done`: the miner shows the change. `refused`: RigDeck did not send it
 * (a limit, an unknown rig). `failed`: the miner refused or could not be reached. `unverified`: the miner
 * answered but did not show the change within the wait (it may still apply, or may have been ignored).
 */
export const outcomes = ['done', 'refused', 'failed', 'unverified'] as const;
export type Outcome = (typeof outcomes)[number];

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
