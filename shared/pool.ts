/**
 * What RigDeck knows about the ProHashing account, as plain JSON-safe data: per-worker pool stats, balances,
 * pool/market figures, the worker ↔ rig mapping and the health of the REST and live connections. These
 * schemas will cross the UI contract, so no key, URL with a key, Date or Map ever appears in them.
 * Hashrates are H/s (ProHashing's unit everywhere, docs/prohashing.md §1); times are epoch milliseconds.
 */
import { z } from 'zod';

/** Every way talking to the pool can fail, as the UI and the poller switch on it. */
export const poolErrorCodes = [
  /** Nothing answered (refused, reset, DNS). */
  'unreachable',
  /** The deadline of a request, connect or call passed. */
  'timeout',
  /** We cancelled it (stop). */
  'aborted',
  /** The API key was refused (REST body code 400), or the live API refused the login. */
  'auth',
  /** HTTP 429: slow down. */
  'rate_limited',
  /** An HTML page instead of JSON (a challenge page, maintenance, a 404 page). */
  'html',
  /** An HTTP status we do not expect with a body that is not the pool's envelope. */
  'http',
  /** Not JSON, or JSON of the wrong shape. */
  'bad_reply',
  /** The pool's envelope reported an error other than a bad key. */
  'pool_error',
  /** The live (WAMP) session failed: an error reply, an unexpected close. */
  'protocol',
] as const;
export type PoolErrorCode = (typeof poolErrorCodes)[number];

export const restEndpoints = ['wallet', 'walletEx', 'status', 'currencies'] as const;
export type RestEndpoint = (typeof restEndpoints)[number];

export const poolErrorSchema = z.object({
  code: z.enum(poolErrorCodes),
  message: z.string(),
  /** Which REST endpoint or 'live' failed. */
  source: z.union([z.enum(restEndpoints), z.literal('live')]),
  at: z.number(),
});
export type PoolErrorInfo = z.infer<typeof poolErrorSchema>;

const num = z.number();
const maybe = num.nullable();

/** One stratum connection as the live API reports it (docs/prohashing.md §3.4). */
export const poolSessionSchema = z.object({
  uuid: z.string(),
  /** The n= worker name; null until a full list names it. */
  worker: z.string().nullable(),
  coin: z.string().nullable(),
  algorithm: z.string().nullable(),
  hashrateHs: maybe,
  difficulty: maybe,
  difficultyIsStatic: z.boolean().nullable(),
  shareCount: maybe,
  allTimeShareCount: maybe,
  hardware: z.string().nullable(),
  updatedAt: num,
  /** No update for longer than the configured stale window. */
  stale: z.boolean(),
});
export type PoolSession = z.infer<typeof poolSessionSchema>;

/** Per-worker totals: several connections can carry one name (multi-board ASICs, reconnect overlap). */
export const poolWorkerSchema = z.object({
  name: z.string(),
  /** 'live' from WAMP sessions; 'rest' from walletEx (no uuid, `accepted` read as H/s, docs/prohashing.md §7.7). */
  source: z.enum(['live', 'rest']),
  online: z.boolean(),
  hashrateHs: num,
  /** Null when the source does not report shares (walletEx). */
  shareCount: maybe,
  allTimeShareCount: maybe,
  connections: z.number().int().nonnegative(),
  coins: z.array(z.string()),
  algorithms: z.array(z.string()),
  difficulty: maybe,
  updatedAt: num,
  sessions: z.array(poolSessionSchema),
});
export type PoolWorker = z.infer<typeof poolWorkerSchema>;

/** One payout coin. `balance` comes from whichever of live or REST spoke last; the rest only from REST. */
export const poolBalanceSchema = z.object({
  /** Coin display name ("Litecoin"): the key live balances use. */
  coin: z.string(),
  abbreviation: z.string().nullable(),
  balance: num,
  unpaid: maybe,
  paid24h: maybe,
  payoutThreshold: maybe,
  total: maybe,
  paid: maybe,
  updatedAt: num,
  source: z.enum(['live', 'rest']),
});
export type PoolBalance = z.infer<typeof poolBalanceSchema>;

/** REST `status`, one algorithm (docs/prohashing.md §2.4). Fees are fractions. */
export const poolAlgorithmSchema = z.object({
  key: z.string(),
  name: z.string(),
  port: z.number().int().nullable(),
  ppsFee: maybe,
  pplnsFee: maybe,
  soloFee: maybe,
  mbtcMhFactor: maybe,
  estimateCurrent: maybe,
  estimateLast24h: maybe,
  actualLast24h: maybe,
  hashrateHs: maybe,
  hashrateLast24hHs: maybe,
});
export type PoolAlgorithm = z.infer<typeof poolAlgorithmSchema>;

/** REST `currencies`, one coin (docs/prohashing.md §2.5). */
export const poolCoinSchema = z.object({
  key: z.string(),
  name: z.string(),
  abbreviation: z.string().nullable(),
  algorithm: z.string().nullable(),
  port: z.number().int().nullable(),
  enabled: z.boolean(),
  height: maybe,
  lastBlock: maybe,
  secondsSinceLastBlock: maybe,
  blocks24h: maybe,
  hashrateHs: maybe,
  workers: maybe,
});
export type PoolCoin = z.infer<typeof poolCoinSchema>;

/** Live profitability, per algorithm id (docs/prohashing.md §3.5); units are [I]: per MH/s per day. */
export const poolProfitabilitySchema = z.object({
  algorithmId: z.string(),
  algorithm: z.string().nullable(),
  usd: maybe,
  btc: maybe,
  maxUsd: maybe,
  maxBtc: maybe,
  percentileUsd: maybe,
  percentileBtc: maybe,
  /** Epoch ms (the pool sends Unix seconds as floats). */
  dataTimestamp: maybe,
  serverTimestamp: maybe,
});
export type PoolProfitability = z.infer<typeof poolProfitabilitySchema>;

/** Live pool-wide statistics (docs/prohashing.md §3.6; other fields are a GAP and are not kept). */
export const poolGeneralSchema = z.object({
  subscriptionsCount: maybe,
  hashrateByAlgorithm: z.record(z.string(), num),
  updatedAt: num,
});
export type PoolGeneral = z.infer<typeof poolGeneralSchema>;

/** A block the pool found (docs/prohashing.md §3.7); `ours` when its worker name is one of the account's workers. */
export const poolBlockSchema = z.object({
  coin: z.string().nullable(),
  height: maybe,
  algorithm: z.string().nullable(),
  worker: z.string().nullable(),
  shareDiff: maybe,
  coinbaseValue: maybe,
  valueUsd: maybe,
  ours: z.boolean(),
  at: num,
});
export type PoolBlock = z.infer<typeof poolBlockSchema>;

/** Worker ↔ rig reconciliation by the n= worker name in each rig's pool password (docs/prohashing.md §7). */
export const poolMappingSchema = z.object({
  matched: z.array(z.object({ rigId: z.string(), worker: z.string() })),
  /** The rig names a worker the pool does not currently know (rig down, wrong account, typo). */
  rigsWithUnknownWorker: z.array(z.object({ rigId: z.string(), worker: z.string() })),
  /** The pool has this worker but no rig claims its name. */
  workersWithoutRig: z.array(z.string()),
  /** The rig points at this account on ProHashing but its password has no n=. */
  rigsWithoutWorkerName: z.array(z.string()),
  /** Several rigs send the same n=; the pool merges them into one worker. */
  duplicateWorkerNames: z.array(z.object({ worker: z.string(), rigIds: z.array(z.string()) })),
  /** Rigs with no pool entry for this ProHashing account (mined elsewhere): not mismatches. */
  rigsNotOnPool: z.array(z.string()),
  /** Password problems: no_worker_name, no_algorithm, pplns_needs_coin, other_account, password_syntax, several_worker_names. */
  warnings: z.array(
    z.object({
      rigId: z.string(),
      /** The rig's pool slot (0-based), or null when the warning is about the rig as a whole. */
      poolIndex: z.number().int().nonnegative().nullable(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});
export type PoolMapping = z.infer<typeof poolMappingSchema>;

export const liveStates = ['idle', 'connecting', 'syncing', 'live', 'reconnecting', 'closed'] as const;
export type LiveState = (typeof liveStates)[number];

export const poolRestHealthSchema = z.object({
  lastOkAt: maybe,
  failures: z.number().int().nonnegative(),
  nextAt: maybe,
  lastError: poolErrorSchema.nullable(),
});
export type PoolRestHealth = z.infer<typeof poolRestHealthSchema>;

export const poolHealthSchema = z.object({
  /** 'invalid' once the pool refused the key; 'ok' once an account call succeeded. */
  apiKey: z.enum(['unknown', 'ok', 'invalid']),
  live: z.object({
    state: z.enum(liveStates),
    since: num,
    lastSyncAt: maybe,
    reconnects: z.number().int().nonnegative(),
    nextRetryAt: maybe,
    lastError: poolErrorSchema.nullable(),
    /** Events on mining_failures_<key> since start (their payload is a GAP, so only counted). */
    miningFailureEvents: z.number().int().nonnegative(),
  }),
  rest: z.record(z.enum(restEndpoints), poolRestHealthSchema),
});
export type PoolHealth = z.infer<typeof poolHealthSchema>;

export const proHashingStateSchema = z.object({
  workers: z.array(poolWorkerSchema),
  balances: z.array(poolBalanceSchema),
  algorithms: z.array(poolAlgorithmSchema),
  coins: z.array(poolCoinSchema),
  profitability: z.array(poolProfitabilitySchema),
  general: poolGeneralSchema.nullable(),
  blocks: z.array(poolBlockSchema),
  mapping: poolMappingSchema,
  health: poolHealthSchema,
});
export type ProHashingState = z.infer<typeof proHashingStateSchema>;

/** Which parts of the state a change touched, so listeners can skip what they do not show. */
export const proHashingTopics = ['workers', 'balances', 'market', 'blocks', 'mapping', 'health'] as const;
export type ProHashingTopic = (typeof proHashingTopics)[number];

/** ProHashing's public endpoints (docs/prohashing.md). Settings may point elsewhere: a proxy, or the virtual farm's fake. */
export const PROHASHING_REST_URL = 'https://prohashing.com/api/v1';
export const PROHASHING_WS_URL = 'wss://live.prohashing.com:443/ws';
