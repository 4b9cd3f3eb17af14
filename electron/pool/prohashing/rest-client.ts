/**
 * ProHashing REST /api/v1 client: wallet, walletEx (account, `apiKey` query parameter) and status, currencies
 * (public). Every request has a deadline (the injected clock aborts it) and every failure is a PoolError;
 * decisions about what a reply means live in rest-envelope.ts and rest-data.ts.
 */
import { type PoolAlgorithm, type PoolCoin, type RestEndpoint } from '../../../shared/pool';
import { type Clock } from '../../clock';
import { PoolError, redact, toPoolError } from './errors';
import {
  parseCurrencies,
  parseStatus,
  parseWallet,
  parseWalletEx,
  type WalletBalance,
  type WalletEx,
} from './rest-data';
import { decodeReply } from './rest-envelope';

/** UG-Miner's 20 s (docs/prohashing.md §6). */
export const DEFAULT_REST_TIMEOUT_MS = 20_000;

export type RestClientOptions = {
  /** e.g. https://prohashing.com/api/v1 (tests: the fake on 127.0.0.1). */
  baseUrl: string;
  apiKey: string;
  clock: Clock;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** S10 sends browser-like headers to avoid challenge pages; whether that is needed is a GAP, so it is a setting. */
  userAgent?: string;
};

export type RestResults = {
  wallet: WalletBalance[];
  walletEx: WalletEx;
  status: PoolAlgorithm[];
  currencies: PoolCoin[];
};

export type RestClient = {
  wallet(signal?: AbortSignal): Promise<WalletBalance[]>;
  walletEx(signal?: AbortSignal): Promise<WalletEx>;
  status(signal?: AbortSignal): Promise<PoolAlgorithm[]>;
  currencies(signal?: AbortSignal): Promise<PoolCoin[]>;
};

const ACCOUNT: ReadonlySet<RestEndpoint> = new Set(['wallet', 'walletEx']);

function causeCode(error: unknown): string {
  const cause = error instanceof Error && 'cause' in error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause) return String(cause.code);
  return '';
}

export function createRestClient(o: RestClientOptions): RestClient {
  const doFetch = o.fetch ?? globalThis.fetch;
  const timeoutMs = Math.max(1, o.timeoutMs ?? DEFAULT_REST_TIMEOUT_MS);
  const base = o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`;
  // A malformed base URL is a configuration bug: fail at construction, not as a network error later.
  new URL(base);

  async function request(endpoint: RestEndpoint, outer: AbortSignal | undefined): Promise<unknown> {
    const url = new URL(endpoint, base);
    if (ACCOUNT.has(endpoint)) url.searchParams.set('apiKey', o.apiKey);
    const controller = new AbortController();
    let timedOut = false;
    const cancelTimer = o.clock.after(timeoutMs, () => {
      timedOut = true;
      controller.abort();
    });
    const onOuterAbort = (): void => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      const res = await doFetch(url, {
        method: 'GET',
        headers: { accept: 'application/json', 'user-agent': o.userAgent ?? 'RigDeck' },
        signal: controller.signal,
      });
      // The body is read under the same deadline: a server that stalls mid-body is a timeout too.
      const text = await res.text();
      return decodeReply({
        endpoint,
        status: res.status,
        contentType: res.headers.get('content-type'),
        text,
        retryAfter: res.headers.get('retry-after'),
      });
    } catch (error) {
      if (error instanceof PoolError) throw error;
      const where = `ProHashing ${endpoint}`;
      if (timedOut)
        throw new PoolError('timeout', `${where}: no reply within ${timeoutMs} ms`, { cause: error });
      if (controller.signal.aborted) throw new PoolError('aborted', `${where}: cancelled`, { cause: error });
      const code = causeCode(error);
      const e = toPoolError(error, 'unreachable', o.apiKey);
      throw new PoolError(
        'unreachable',
        redact(`${where}: ${code ? `${code}: ` : ''}${e.message}`, o.apiKey),
        {
          cause: error,
        },
      );
    } finally {
      cancelTimer();
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  return {
    wallet: async (signal) => parseWallet(await request('wallet', signal)),
    walletEx: async (signal) => parseWalletEx(await request('walletEx', signal)),
    status: async (signal) => parseStatus(await request('status', signal)),
    currencies: async (signal) => parseCurrencies(await request('currencies', signal)),
  };
}
