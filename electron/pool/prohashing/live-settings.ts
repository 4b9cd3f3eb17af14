/**
 * Settings of the live (WAMP) client. Realm and the public CRA credentials are confirmed (docs/prohashing.md §3.1,
 * [C] ×7) but kept as settings in case the pool changes them; the resync period has a floor of one minute
 * (§7.3: "every few minutes (≥60 s)").
 */
import { type Backoff } from './backoff';

export const MIN_RESYNC_MS = 60_000;

export type LiveSettings = {
  realm: string;
  authid: string;
  secret: string;
  /** Full resync (all f_all_* calls) period while connected. */
  resyncMs: number;
  /** Deadline of each call and subscription. */
  callTimeoutMs: number;
  /** Deadline from opening the socket to WELCOME. */
  connectTimeoutMs: number;
  /** Reconnect backoff after a failed or lost connection. */
  reconnect: Backoff;
};

export const DEFAULT_LIVE: LiveSettings = {
  realm: 'mining',
  authid: 'web',
  secret: 'web',
  resyncMs: 5 * 60_000,
  callTimeoutMs: 20_000,
  connectTimeoutMs: 20_000,
  reconnect: { baseMs: 2_000, factor: 2, maxMs: 5 * 60_000 },
};

export type LiveSettingsInput = Partial<Omit<LiveSettings, 'reconnect'>> & { reconnect?: Partial<Backoff> };

const pos = (v: number | undefined, fallback: number): number =>
  v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;

export function resolveLiveSettings(input: LiveSettingsInput = {}): LiveSettings {
  const r = input.reconnect ?? {};
  const baseMs = pos(r.baseMs, DEFAULT_LIVE.reconnect.baseMs);
  return {
    realm: input.realm ?? DEFAULT_LIVE.realm,
    authid: input.authid ?? DEFAULT_LIVE.authid,
    secret: input.secret ?? DEFAULT_LIVE.secret,
    resyncMs: Math.max(MIN_RESYNC_MS, pos(input.resyncMs, DEFAULT_LIVE.resyncMs)),
    callTimeoutMs: pos(input.callTimeoutMs, DEFAULT_LIVE.callTimeoutMs),
    connectTimeoutMs: pos(input.connectTimeoutMs, DEFAULT_LIVE.connectTimeoutMs),
    reconnect: {
      baseMs,
      factor: Math.max(1, pos(r.factor, DEFAULT_LIVE.reconnect.factor)),
      maxMs: Math.max(baseMs, pos(r.maxMs, DEFAULT_LIVE.reconnect.maxMs)),
    },
  };
}
