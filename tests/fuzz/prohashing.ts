/**
 * ProHashing payloads, REST and live (WAMP). Generated with the field names of prohashing's API (docs/ and
 * the parsers' comments), every field loose the way the pool is loose (numbers, numeric strings, nulls,
 * junk), then mutated. The path is the service's: decodeReply → parseWallet/… → applyRest, and the live
 * topics' handlers (or the f_all_* parsers) → applyLive, then buildState → the shared state schema.
 */
import fc from 'fast-check';

import { restEndpoints, type RestEndpoint, proHashingStateSchema } from '../../shared/pool';
import { PoolError } from '../../electron/pool/prohashing/errors';
import { type LiveMessage, liveTopics } from '../../electron/pool/prohashing/live-topics';
import { applyLive, applyRest, type ReduceOptions } from '../../electron/pool/prohashing/reduce';
import { decodeReply } from '../../electron/pool/prohashing/rest-envelope';
import {
  parseCurrencies,
  parseStatus,
  parseWallet,
  parseWalletEx,
} from '../../electron/pool/prohashing/rest-data';
import { type RestOutcome } from '../../electron/pool/prohashing/rest-poller';
import { buildState, emptyData, type PoolData } from '../../electron/pool/prohashing/state';
import {
  parseBalanceSnapshot,
  parseGeneral,
  parseMinerList,
  parseProfitability,
} from '../../electron/pool/prohashing/wamp-payloads';
import { type Family, OracleViolation, type Outcome } from './family';
import { mutatedText, mutatedValue } from './mutations';

const NOW = 1_760_000_000_000;
const REDUCE: ReduceOptions = { staleAfterMs: 15 * 60_000, maxBlocks: 50, walletPolled: true };
const VIEW = { staleAfterMs: 15 * 60_000, dust: 1e-8, mapping: { poolHosts: ['prohashing.com'] } };

/** A number as the pool may send it: a number, a numeric string, null, or something else. */
const loose = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }).map((n) => n.toFixed(8)) },
  { weight: 1, arbitrary: fc.constantFrom(null, '', 'NaN', 'Infinity', '1e400', true, [], {}) },
);
const name = fc.oneof(
  fc.constantFrom('Litecoin', 'Dogecoin', 'Bitcoin', 'scrypt', 'sha256', 'L7-01', 'rig.7'),
  fc.string({ maxLength: 16 }),
);
const keyed = <T>(value: fc.Arbitrary<T>) => fc.dictionary(name, value, { maxKeys: 5 });

const balance = fc.record(
  {
    name,
    abbreviation: name,
    balance: loose,
    unpaid: loose,
    paid24h: loose,
    payoutThreshold: loose,
    total: loose,
    paid: loose,
  },
  { requiredKeys: [] },
);
const restMiner = fc.record(
  {
    ID: name,
    algo: name,
    coin: name,
    accepted: loose,
    difficulty: loose,
    minRestartDelay: loose,
    workRestartPenalty: loose,
  },
  { requiredKeys: ['ID'] },
);
const algorithm = fc.record(
  {
    name,
    port: loose,
    pps_fee: loose,
    pplns_fee: loose,
    solo_fee: loose,
    mbtc_mh_factor: loose,
    estimate_current: loose,
    estimate_last24h: loose,
    actual_last24h: loose,
    hashrate: loose,
    hashrate_last24h: loose,
  },
  { requiredKeys: [] },
);
const coin = fc.record(
  {
    name,
    abbreviation: name,
    algo: name,
    port: loose,
    enabled: fc.oneof(fc.boolean(), fc.constantFrom(0, 1, '0', '1', 'true', 'false', null)),
    height: loose,
    lastblock: loose,
    timesincelast: loose,
    '24h_blocks': loose,
    hashrate: loose,
    workers: loose,
  },
  { requiredKeys: [] },
);

const DATA: Record<RestEndpoint, fc.Arbitrary<unknown>> = {
  wallet: fc.record({ balances: fc.oneof(keyed(balance), fc.constant([])) }),
  walletEx: fc.record(
    {
      miners: fc.oneof(fc.array(restMiner, { maxLength: 5 }), keyed(restMiner)),
      balances: keyed(balance),
    },
    { requiredKeys: ['miners'] },
  ),
  status: keyed(algorithm),
  currencies: keyed(coin),
};

const envelope = (data: unknown) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant({ status: 'success', code: 200, data }) },
    { weight: 1, arbitrary: fc.constant({ code: 200, data }) },
    { weight: 1, arbitrary: fc.constant({ status: 'success', data }) },
    {
      weight: 1,
      arbitrary: fc.record({
        status: fc.constantFrom('error', 'fail'),
        code: fc.constantFrom(400, 401, 500, '400'),
        message: fc.constantFrom('Invalid API key', 'Internal error', ''),
      }),
    },
  );

export type RestInput = {
  endpoint: RestEndpoint;
  status: number;
  contentType: string | null;
  text: string;
  retryAfter: string | null;
};

const endpointInput = (endpoint: RestEndpoint): fc.Arbitrary<RestInput> => {
  const body = mutatedValue(DATA[endpoint]).chain(envelope);
  const text = fc.oneof(
    { weight: 6, arbitrary: mutatedText(mutatedValue(body).map((v) => JSON.stringify(v) ?? 'null')) },
    { weight: 1, arbitrary: fc.constantFrom('<!DOCTYPE html><html>Just a moment…</html>', '', 'null', '[]') },
  );
  return fc.record({
    endpoint: fc.constant(endpoint),
    status: fc.oneof(
      { weight: 8, arbitrary: fc.constant(200) },
      { weight: 1, arbitrary: fc.constantFrom(400, 429, 500, 503) },
    ),
    contentType: fc.constantFrom('application/json', 'text/html', null),
    text,
    retryAfter: fc.constantFrom(null, '5', '-1', 'soon', '1e9'),
  });
};

function stateMustPass(data: PoolData): Outcome {
  const result = proHashingStateSchema.safeParse(buildState(data, NOW, VIEW));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new OracleViolation(`pool state fails its schema at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return 'valid';
}

function parseData(endpoint: RestEndpoint, data: unknown): RestOutcome {
  switch (endpoint) {
    case 'wallet':
      return { endpoint, ok: true, value: parseWallet(data), at: NOW };
    case 'walletEx':
      return { endpoint, ok: true, value: parseWalletEx(data), at: NOW };
    case 'status':
      return { endpoint, ok: true, value: parseStatus(data), at: NOW };
    case 'currencies':
      return { endpoint, ok: true, value: parseCurrencies(data), at: NOW };
  }
}

function checkRest(input: RestInput): Outcome {
  let outcome: RestOutcome;
  try {
    outcome = parseData(input.endpoint, decodeReply(input));
  } catch (error) {
    if (!(error instanceof PoolError)) throw error;
    // The refusal must also fold into a valid state: health shows it.
    const failed: RestOutcome = { endpoint: input.endpoint, ok: false, error, at: NOW };
    stateMustPass(applyRest(emptyData(NOW), failed, REDUCE).data);
    return 'typed_error';
  }
  return stateMustPass(applyRest(emptyData(NOW), outcome, REDUCE).data);
}

export function prohashingRestFamily(): Family<RestInput> {
  return {
    name: 'prohashing-rest',
    about:
      'ProHashing REST replies (wallet, walletEx, status, currencies): envelopes, loose fields, HTML, mutations',
    arb: fc.oneof(...restEndpoints.map(endpointInput)),
    check: checkRest,
  };
}

// ---- live (WAMP) ----

const session = fc.record(
  {
    uuid: fc.oneof(fc.uuid(), fc.constantFrom(null, 7, '')),
    miner_name: name,
    coin_name: name,
    algorithm_name: name,
    hashrate: loose,
    difficulty: loose,
    difficulty_is_static: fc.oneof(fc.boolean(), loose),
    share_count: loose,
    all_time_share_count: loose,
    miner_hardware: name,
  },
  { requiredKeys: [] },
);
const profitRow = fc.record(
  {
    algorithm_name: name,
    usd: loose,
    btc: loose,
    max_usd: loose,
    max_btc: loose,
    percentile_usd: loose,
    percentile_btc: loose,
    data_timestamp: loose,
    server_timestamp: loose,
  },
  { requiredKeys: [] },
);
const block = fc.record(
  {
    coin_name: name,
    block_height: loose,
    algorithm: name,
    worker_name: name,
    share_diff: loose,
    coinbase_value: loose,
    snapshot_value_usd: loose,
  },
  { requiredKeys: [] },
);
const general = fc.record(
  { subscriptions_count: loose, total_hashrate_computed_onlys: keyed(loose) },
  { requiredKeys: [] },
);

type Source =
  | 'miner_update_diffs'
  | 'balance_updates'
  | 'profitability_updates'
  | 'general_updates'
  | 'found_block_updates'
  | 'mining_failures'
  | 'f_all_miner_updates'
  | 'f_all_balance_updates'
  | 'f_all_profitability_updates'
  | 'f_all_general_updates';

/** One event's args (a list, sometimes nested one level) or one call's result. */
const PAYLOADS: Record<Source, fc.Arbitrary<unknown>> = {
  miner_update_diffs: fc.array(fc.oneof(session, fc.array(session, { maxLength: 3 })), { maxLength: 4 }),
  balance_updates: fc.array(fc.record({ coin: name, balance: loose }, { requiredKeys: [] }), {
    maxLength: 4,
  }),
  profitability_updates: fc.array(keyed(profitRow), { maxLength: 2 }),
  general_updates: fc.array(general, { maxLength: 2 }),
  found_block_updates: fc.array(block, { maxLength: 3 }),
  mining_failures: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  f_all_miner_updates: fc.oneof(fc.array(session, { maxLength: 5 }), keyed(session)),
  f_all_balance_updates: fc.oneof(keyed(loose), fc.constant([])),
  f_all_profitability_updates: keyed(profitRow),
  f_all_general_updates: general,
};

export type LiveInput = Array<{ source: Source; payload: unknown }>;

const liveMessage = fc.oneof(
  ...(Object.keys(PAYLOADS) as Source[]).map((source) =>
    fc.record({ source: fc.constant(source), payload: mutatedValue(PAYLOADS[source]) }),
  ),
);

/** What the live client emits for one payload, through the same handlers it subscribes. */
function messagesOf(source: Source, payload: unknown): LiveMessage[] {
  const out: LiveMessage[] = [];
  const handlers = liveTopics(
    'KEY',
    (m) => out.push(m),
    () => NOW,
  );
  const args = Array.isArray(payload) ? payload : [payload];
  const topic = handlers.find((t) => t.topic === source || t.topic === `${source}_KEY`);
  if (topic) {
    topic.handle(args);
    return out;
  }
  switch (source) {
    case 'f_all_miner_updates': {
      const updates = parseMinerList(payload);
      return updates ? [{ kind: 'miners', full: true, updates }] : [];
    }
    case 'f_all_balance_updates': {
      const entries = parseBalanceSnapshot(payload);
      return entries ? [{ kind: 'balances', full: true, entries }] : [];
    }
    case 'f_all_profitability_updates':
      return [{ kind: 'profitability', full: true, rows: parseProfitability(payload) }];
    default: {
      const value = parseGeneral(payload, NOW);
      return value ? [{ kind: 'general', value }] : [];
    }
  }
}

function checkLive(input: LiveInput): Outcome {
  let data = emptyData(NOW);
  let emitted = 0;
  for (const { source, payload } of input) {
    for (const m of messagesOf(source, payload)) {
      data = applyLive(data, m, NOW, REDUCE).data;
      emitted++;
    }
  }
  stateMustPass(data);
  // A sequence none of whose payloads could be read is the live client's typed refusal: nothing emitted.
  return emitted > 0 ? 'valid' : 'typed_error';
}

export function prohashingLiveFamily(): Family<LiveInput> {
  return {
    name: 'prohashing-wamp',
    about: 'ProHashing live (WAMP) event args and f_all_* results, in sequences of 1–4, loose and mutated',
    arb: fc.array(liveMessage, { minLength: 1, maxLength: 4 }),
    check: checkLive,
  };
}
