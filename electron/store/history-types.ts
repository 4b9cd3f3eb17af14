/**
 * The seam between the collector (which polls) and the history store (which keeps): the collector hands over one
 * batch per poll cycle, the store writes it in one transaction. Both sides code against these types only.
 */
import type { ChainState, MinerState } from '../../shared/rig';
import type { HistoryCursor, HistoryQuery, HistoryResult, Liveness } from '../../shared/telemetry';

export type RigSampleRow = {
  rigId: string;
  takenAtMs: number;
  hashrateMhs: number | null;
  powerW: number | null;
  efficiencyJPerMh: number | null;
  chipTempMaxC: number | null;
  boardTempMaxC: number | null;
  fanRpmMin: number | null;
  poolHashrateMhs: number | null;
  minerState: MinerState;
};

export type ChainSampleRow = {
  rigId: string;
  takenAtMs: number;
  chainId: number;
  state: ChainState;
  hashrateMhs: number | null;
  chipTempMaxC: number | null;
  boardTempMaxC: number | null;
  frequencyMhz: number | null;
  voltageMv: number | null;
  chipsRed: number | null;
  chipsOrange: number | null;
};

/** Something worth a line in the rig's log: liveness or miner-state changes, failures, reboots. */
export type RigEventRow = {
  rigId: string | null;
  atMs: number;
  kind: 'liveness' | 'miner-state' | 'failure' | 'reboot' | 'note';
  /** Short human text ("offline after 62 s without an answer"). */
  text: string;
  liveness?: Liveness;
};

export type CycleBatch = { samples: RigSampleRow[]; chains: ChainSampleRow[]; events: RigEventRow[] };

export type Retention = { rawHours: number; fiveMinuteDays: number; hourlyDays: number };

/** What one page of a paged export wrote, and where the next one starts (null: that was the last). */
export type ExportPage = { rows: number; next: HistoryCursor | null };

export type HistoryStore = {
  /** One transaction, synchronous: nothing awaits inside it. */
  writeCycle(batch: CycleBatch): void;
  /** Folds finished buckets into the 5 min and 1 h tables (idempotent), then drops what retention no longer keeps. */
  maintain(nowMs: number, retention: Retention): void;
  query(q: HistoryQuery): HistoryResult;
  /** Streams CSV lines (header first) for a rig or the fleet; returns the number of data rows written. */
  exportCsv(q: HistoryQuery, write: (line: string) => void): number;
  /**
   * The same CSV one page at a time: the header on the first page (cursor null), then at most `maxRows` rows
   * per page; the pages of a range concatenate to exactly exportCsv's lines.
   */
  exportPage(
    q: HistoryQuery,
    cursor: HistoryCursor | null,
    maxRows: number,
    write: (line: string) => void,
  ): ExportPage;
  events(rigId: string | null, fromMs: number, toMs: number, limit: number): RigEventRow[];
  /** When the rig last answered, from the newest sample history still holds; null if it never did. */
  lastSeenMs(rigId: string): number | null;
};
