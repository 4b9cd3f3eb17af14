/**
 * Abacus.AI as the UI sees it (docs/abacus.md §9): whether the two tokens are set (never the tokens), how the
 * streaming queue and the predictions are doing, and the last error in words. Tokens only ever travel inward.
 */
import { z } from 'zod';

const token = z
  .string()
  .trim()
  .min(8, 'That does not look like an Abacus.AI token.')
  .max(256, 'A token has at most 256 characters.')
  .regex(/^[\x21-\x7e]+$/, 'A token has no spaces or special characters.');

/** Each token: a new value to store, or left out to keep the one stored. Clearing is `abacus.clearTokens`. */
export const abacusConfigureSchema = z
  .object({ deploymentToken: token.optional(), streamingToken: token.optional() })
  .strict();
export type AbacusConfigure = z.infer<typeof abacusConfigureSchema>;

export const abacusTokenNames = ['deployment', 'streaming'] as const;
export const abacusClearSchema = z
  .object({ tokens: z.array(z.enum(abacusTokenNames)).min(1).max(2) })
  .strict();

export const breakerStates = ['closed', 'open', 'half-open'] as const;
export type BreakerStateName = (typeof breakerStates)[number];

/** What kind of trouble: decides retry, the breaker and the colour on the page. */
export const abacusErrorKinds = [
  /** 429: honoured (Retry-After), not counted against the breaker. */
  'rate-limited',
  /** 5xx, 504, timeout, refused connection: retried with backoff, counted by the breaker. */
  'unavailable',
  /** A reply that is not the documented envelope or result: counted by the breaker. */
  'malformed',
  /** Token refused, id not found: nothing to retry until the settings change. */
  'config',
  /** The request itself was refused (400): that batch is dropped, the rest goes on. */
  'rejected',
] as const;
export type AbacusErrorKind = (typeof abacusErrorKinds)[number];

export const abacusOperations = ['stream', 'predict'] as const;
export type AbacusOperation = (typeof abacusOperations)[number];

export const abacusErrorSchema = z.object({
  kind: z.enum(abacusErrorKinds),
  operation: z.enum(abacusOperations),
  message: z.string(),
  /** HTTP status, null for a timeout or a connection that never answered. */
  status: z.number().int().nullable(),
  requestId: z.string().nullable(),
  atMs: z.number(),
});
export type AbacusError = z.infer<typeof abacusErrorSchema>;

export const abacusStatusSchema = z.object({
  enabled: z.boolean(),
  deploymentTokenSet: z.boolean(),
  streamingTokenSet: z.boolean(),
  /** Streaming needs the feature group id and streaming token; predictions the deployment id and token. */
  streamingReady: z.boolean(),
  predictionsReady: z.boolean(),
  breaker: z.object({
    state: z.enum(breakerStates),
    failures: z.number().int(),
    /** When an open breaker lets one probe through. */
    retryAtMs: z.number().nullable(),
  }),
  /** Rows waiting to be sent (kept in the database across restarts), and rows dropped because it was full. */
  queue: z.object({
    rows: z.number().int(),
    maxRows: z.number().int(),
    droppedRows: z.number().int(),
    rejectedRows: z.number().int(),
  }),
  /** No call before this (a 429's Retry-After, or backoff after a failure). */
  notBeforeMs: z.number().nullable(),
  lastError: abacusErrorSchema.nullable(),
  lastStreamOkMs: z.number().nullable(),
  lastPredictOkMs: z.number().nullable(),
  rowsSent: z.number().int(),
  /** Recommendations from the last predictions. */
  recommendations: z.number().int(),
});
export type AbacusStatus = z.infer<typeof abacusStatusSchema>;
