/**
 * Live worker state as pure functions. ProHashing reports stratum connections, not rigs (docs/prohashing.md §7):
 * each has a uuid; diffs merge into the connection with that uuid; per-worker totals group connections by
 * their n= name. How the pool signals a closed connection is a GAP, so all three candidates are handled: a
 * zero-hashrate diff (offline), silence (stale after a configurable window) and absence from a full list
 * (removed at the next resync).
 */
import { type PoolSession, type PoolWorker } from '../../../shared/pool';
import { type RestMiner } from './rest-data';
import { type SessionFields, type SessionUpdate } from './wamp-payloads';

export type SessionRecord = SessionFields & { uuid: string; updatedAt: number };
export type SessionTable = ReadonlyMap<string, SessionRecord>;

/** GAP: how long a connection may stay silent before its numbers are not trusted. Longer than a resync. */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

const EMPTY: SessionFields = {
  worker: null,
  coin: null,
  algorithm: null,
  hashrateHs: null,
  difficulty: null,
  difficultyIsStatic: null,
  shareCount: null,
  allTimeShareCount: null,
  hardware: null,
};

export const emptySessions: SessionTable = new Map();

/** A full list (`f_all_miner_updates`) is the truth: connections missing from it are gone. */
export function replaceSessions(
  table: SessionTable,
  list: readonly SessionUpdate[],
  now: number,
): { table: SessionTable; removed: string[] } {
  const next = new Map<string, SessionRecord>();
  for (const u of list) next.set(u.uuid, { ...EMPTY, ...u.fields, uuid: u.uuid, updatedAt: now });
  const removed = [...table.keys()].filter((uuid) => !next.has(uuid));
  return { table: next, removed };
}

/**
 * Shallow-merges diffs by uuid (S2, S4). A diff for a uuid we do not know opens a connection from what it
 * carries; without a worker name it cannot be grouped, so it is reported for an early resync.
 */
export function mergeDiffs(
  table: SessionTable,
  diffs: readonly SessionUpdate[],
  now: number,
): { table: SessionTable; unnamed: string[] } {
  if (diffs.length === 0) return { table, unnamed: [] };
  const next = new Map(table);
  for (const d of diffs) {
    const base = next.get(d.uuid) ?? { ...EMPTY, uuid: d.uuid, updatedAt: now };
    next.set(d.uuid, { ...base, ...d.fields, uuid: d.uuid, updatedAt: now });
  }
  const unnamed = [...new Set(diffs.map((d) => d.uuid))].filter((uuid) => next.get(uuid)?.worker === null);
  return { table: next, unnamed };
}

const isStale = (s: SessionRecord, now: number, staleAfterMs: number): boolean =>
  now - s.updatedAt > staleAfterMs;

function toSession(s: SessionRecord, now: number, staleAfterMs: number): PoolSession {
  return {
    uuid: s.uuid,
    worker: s.worker,
    coin: s.coin,
    algorithm: s.algorithm,
    hashrateHs: s.hashrateHs,
    difficulty: s.difficulty,
    difficultyIsStatic: s.difficultyIsStatic,
    shareCount: s.shareCount,
    allTimeShareCount: s.allTimeShareCount,
    hardware: s.hardware,
    updatedAt: s.updatedAt,
    stale: isStale(s, now, staleAfterMs),
  };
}

const distinct = (values: (string | null)[]): string[] =>
  [...new Set(values.filter((v): v is string => v !== null))].sort();

const maxOrNull = (values: (number | null)[]): number | null => {
  const nums = values.filter((v): v is number => v !== null);
  return nums.length === 0 ? null : Math.max(...nums);
};

const sum = (values: (number | null)[]): number => values.reduce<number>((n, v) => n + (v ?? 0), 0);

const sumOrNull = (values: (number | null)[]): number | null =>
  values.every((v) => v === null) ? null : sum(values);

/**
 * Per-worker totals, sorted by name: hashrate summed over fresh connections only (a silent one's number is
 * old), share counts over all present ones. Online means a fresh connection with hashrate > 0 (§7.3).
 */
// The order String#localeCompare gives (it is this collator's compare), without building a collator per call:
// a thousand workers are sorted at every live diff.
const byText = new Intl.Collator().compare;

/** The totals of one worker's connections (`sessions` sorted by uuid). */
function workerOf(name: string, sessions: PoolSession[]): PoolWorker {
  const fresh = sessions.filter((s) => !s.stale);
  return {
    name,
    source: 'live',
    online: fresh.some((s) => (s.hashrateHs ?? 0) > 0),
    hashrateHs: sum(fresh.map((s) => s.hashrateHs)),
    shareCount: sumOrNull(sessions.map((s) => s.shareCount)),
    allTimeShareCount: sumOrNull(sessions.map((s) => s.allTimeShareCount)),
    connections: sessions.length,
    coins: distinct(sessions.map((s) => s.coin)),
    algorithms: distinct(sessions.map((s) => s.algorithm)),
    difficulty: maxOrNull(sessions.map((s) => s.difficulty)),
    updatedAt: Math.max(...sessions.map((s) => s.updatedAt)),
    sessions,
  };
}

/** The same totals for the usual worker, one connection, with no intermediate arrays. */
function singleWorker(name: string, s: PoolSession): PoolWorker {
  const fresh = !s.stale;
  return {
    name,
    source: 'live',
    online: fresh && (s.hashrateHs ?? 0) > 0,
    hashrateHs: fresh ? 0 + (s.hashrateHs ?? 0) : 0,
    shareCount: s.shareCount === null ? null : 0 + s.shareCount,
    allTimeShareCount: s.allTimeShareCount === null ? null : 0 + s.allTimeShareCount,
    connections: 1,
    coins: s.coin === null ? [] : [s.coin],
    algorithms: s.algorithm === null ? [] : [s.algorithm],
    difficulty: s.difficulty,
    updatedAt: s.updatedAt,
    sessions: [s],
  };
}

/**
 * Per-worker totals, sorted by name: hashrate summed over fresh connections only (a silent one's number is
 * old), share counts over all present ones. Online means a fresh connection with hashrate > 0 (§7.3).
 */
export function summarizeWorkers(
  table: SessionTable,
  now: number,
  staleAfterMs: number,
): { workers: PoolWorker[]; unnamed: number } {
  const groups = new Map<string, SessionRecord[]>();
  let unnamed = 0;
  for (const s of table.values()) {
    if (s.worker === null) {
      unnamed += 1;
      continue;
    }
    const g = groups.get(s.worker);
    if (g === undefined) groups.set(s.worker, [s]);
    else g.push(s);
  }
  const names = [...groups.keys()].sort(byText);
  const workers: PoolWorker[] = [];
  for (const name of names) {
    const list = groups.get(name) ?? [];
    const only = list.length === 1 ? list[0] : undefined;
    if (only !== undefined) {
      workers.push(singleWorker(name, toSession(only, now, staleAfterMs)));
      continue;
    }
    const sessions = list.map((s) => toSession(s, now, staleAfterMs)).sort((a, b) => byText(a.uuid, b.uuid));
    workers.push(workerOf(name, sessions));
  }
  return { workers, unnamed };
}

/** The earliest moment a fresh connection turns stale (to re-evaluate then), or null. */
export function nextStaleAt(table: SessionTable, now: number, staleAfterMs: number): number | null {
  let min: number | null = null;
  for (const s of table.values()) {
    const at = s.updatedAt + staleAfterMs + 1;
    if (at > now && (min === null || at < min)) min = at;
  }
  return min;
}

/** REST fallback (§7.7): walletEx rows have no uuid, so group by ID and read `accepted` as H/s. */
export function workersFromRest(miners: readonly RestMiner[], now: number): PoolWorker[] {
  const groups = new Map<string, RestMiner[]>();
  for (const m of miners) groups.set(m.worker, [...(groups.get(m.worker) ?? []), m]);
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, rows]) => {
      const hashrateHs = sum(rows.map((r) => r.acceptedHs));
      return {
        name,
        source: 'rest',
        online: hashrateHs > 0,
        hashrateHs,
        // walletEx carries no share counts.
        shareCount: null,
        allTimeShareCount: null,
        connections: rows.length,
        coins: distinct(rows.map((r) => r.coin)),
        algorithms: distinct(rows.map((r) => r.algorithm)),
        difficulty: maxOrNull(rows.map((r) => r.difficulty)),
        updatedAt: now,
        sessions: [],
      };
    });
}
