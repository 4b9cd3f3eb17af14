/**
 * What the live client forwards, and the topics it subscribes to after the f_all_* calls (docs/prohashing.md §3.3).
 * The account topics carry the API key in their names; the pool-wide ones do not. Only the account topics
 * are required: losing an optional one is reported, not a reason to reconnect.
 */
import { type PoolGeneral, type PoolProfitability } from '../../../shared/pool';
import {
  type BalanceEntry,
  parseBalanceIncrements,
  parseFoundBlocks,
  parseGeneral,
  parseMinerDiffs,
  parseProfitability,
  type RawBlock,
  type SessionUpdate,
} from './wamp-payloads';

export type LiveMessage =
  | { kind: 'miners'; full: boolean; updates: SessionUpdate[] }
  /** full: the f_all_balance_updates snapshot; else increments from balance_updates_<key>. */
  | { kind: 'balances'; full: boolean; entries: BalanceEntry[] }
  | { kind: 'profitability'; full: boolean; rows: PoolProfitability[] }
  | { kind: 'general'; value: PoolGeneral }
  | { kind: 'blocks'; blocks: RawBlock[] }
  /** mining_failures_<key>: the payload is a GAP (§3.3), so only the count is kept. */
  | { kind: 'miningFailures'; count: number }
  /** A full sync (initial, periodic or after a reconnect) completed. */
  | { kind: 'synced'; at: number };

export type LiveTopic = { topic: string; required: boolean; handle(args: unknown[]): void };

export function liveTopics(apiKey: string, emit: (m: LiveMessage) => void, now: () => number): LiveTopic[] {
  return [
    {
      topic: `miner_update_diffs_${apiKey}`,
      required: true,
      handle: (a) => emit({ kind: 'miners', full: false, updates: parseMinerDiffs(a) }),
    },
    {
      topic: `balance_updates_${apiKey}`,
      required: true,
      handle: (a) => emit({ kind: 'balances', full: false, entries: parseBalanceIncrements(a) }),
    },
    {
      topic: 'profitability_updates',
      required: false,
      // S4 and S6 merge these keys into the stored map (S2 replaces): the owner merges.
      handle: (a) => emit({ kind: 'profitability', full: false, rows: parseProfitability(a) }),
    },
    {
      topic: 'general_updates',
      required: false,
      handle: (a) => {
        const g = parseGeneral(a, now());
        if (g) emit({ kind: 'general', value: g });
      },
    },
    {
      topic: 'found_block_updates',
      required: false,
      handle: (a) => emit({ kind: 'blocks', blocks: parseFoundBlocks(a) }),
    },
    {
      topic: `mining_failures_${apiKey}`,
      required: false,
      handle: (a) => emit({ kind: 'miningFailures', count: Math.max(1, a.length) }),
    },
  ];
}
