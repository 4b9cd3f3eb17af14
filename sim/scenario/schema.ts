// Scenario files (JSON): the fleet, the pool account and timed faults. Validated with zod so a bad
// file gets an error naming the field.
import { z } from 'zod';
import { faultSchema, FAULT_KINDS } from '../farm/faults';

/** "90", 90, "90s", "5m", "1h" -> seconds. */
export const durationSchema = z.union([
  z.number().min(0),
  z.string().regex(/^\d+(\.\d+)?(s|m|h)?$/, 'expected a duration like 90, "90s", "5m" or "1h"'),
]);

export function toSeconds(d: z.infer<typeof durationSchema>): number {
  if (typeof d === 'number') return d;
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(d);
  const value = Number(m?.[1] ?? 0);
  const unit = m?.[2] ?? 's';
  return value * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
}

const poolSlot = z.object({ url: z.string(), user: z.string(), pass: z.string() });

// Every quirk is off unless a rig asks for it: real firmware shows each only on some builds
// (docs/vnish-rpc-shapes.md), so a default-on quirk would make every rig lie the same way.
const rpcQuirks = z
  .object({
    concatenatedObjects: z.boolean().default(false),
    trailingCommas: z.boolean().default(false),
    numbersAsStrings: z.boolean().default(false),
    multiCommand: z.boolean().default(false),
  })
  .prefault({});

const httpQuirks = z
  .object({ presetsWrapped: z.boolean().default(false), chainsOn13: z.boolean().default(true) })
  .prefault({});

export const rigGroupSchema = z.object({
  /** How many rigs this entry makes (names get a running number), or one rig named `name`. */
  count: z.number().int().min(1).max(5000).default(1),
  name: z.string().min(1).optional(),
  namePrefix: z.string().min(1).default('rig-'),
  model: z.enum(['L7', 'L9', 'L3+']).default('L7'),
  kind: z.enum(['vnish', 'stock-bitmain', 'braiins', 'whatsminer']).default('vnish'),
  firmware: z
    .string()
    .regex(/^1\.[23]\.\d+(-[\w.]+)?$/, 'expected a Vnish 1.2.x or 1.3.x version')
    .default('1.3.4'),
  password: z.string().default('admin'),
  /** Preset name (watts) or "disabled"; default: the model's stock preset. */
  preset: z.string().optional(),
  tuned: z.union([z.literal('all'), z.literal('none'), z.array(z.string())]).default('all'),
  /** Worker name sent as n= in the pool password; default: the rig name. */
  worker: z.string().optional(),
  /** Explicit pool slots; default: the ProHashing account's pool. */
  pools: z.array(poolSlot).max(3).optional(),
  fanMinCount: z.number().int().min(0).max(8).optional(),
  warranty: z.enum(['active', 'inactive', 'expired', 'cancelled', 'not_provided']).optional(),
  rpcQuirks,
  httpQuirks,
});

export const eventSchema = z
  .object({
    at: durationSchema,
    rig: z.string().min(1),
    fault: faultSchema.optional(),
    clear: z.union([z.enum(FAULT_KINDS), z.literal('all')]).optional(),
    action: z.enum(['reboot', 'ip-report']).optional(),
  })
  .refine((e) => [e.fault, e.clear, e.action].filter((x) => x !== undefined).length === 1, {
    message: 'an event needs exactly one of "fault", "clear" or "action"',
  });

export const scenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  seed: z.union([z.number().int(), z.string()]).default(1),
  ambient: z.number().min(-20).max(60).default(25),
  account: z
    .object({
      name: z.string().min(1).default('rigdeck-demo'),
      /** 64 lower-case hex characters, like a real ProHashing key (docs/prohashing.md §1, [I]). */
      apiKey: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex characters')
        .optional(),
      coin: z.enum(['litecoin', 'dogecoin']).default('litecoin'),
    })
    .prefault({}),
  pool: z
    .object({
      url: z.string().default('stratum+tcp://prohashing.com:3333'),
      diff: z.number().int().positive().default(524288),
    })
    .prefault({}),
  rigs: z.array(rigGroupSchema).min(1),
  events: z.array(eventSchema).default([]),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type RigGroup = z.infer<typeof rigGroupSchema>;
export type ScenarioEvent = z.infer<typeof eventSchema>;

export function formatIssues(error: z.ZodError, source: string): string {
  const lines = error.issues.slice(0, 8).map((i) => {
    const where = i.path.length
      ? i.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '')
      : '(root)';
    return `  ${where}: ${i.message}`;
  });
  return `invalid scenario ${source}:\n${lines.join('\n')}`;
}
