import type { Settings } from '../../shared/settings';
import type { Logger } from '../contract/dispatch';
import type { Vault } from '../secrets/vault';
import { systemClock } from '../clock';
import { type ProHashingService, createProHashing } from './prohashing/service';
import { routeAutobahnLog } from './prohashing/wamp-connector';
import type { SwitchableFeed } from './switchable-feed';

export const POOL_KEY = 'pool:prohashing:api-key';

export type PoolConnection = {
  configured(): boolean;
  /** Stores (or forgets, with null) the API key and reconnects with it. */
  setApiKey(apiKey: string | null): Promise<void>;
  /** Settings changed: reconnect if the account name or an endpoint changed. */
  reconfigure(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
};

/**
 * Owns the ProHashing service's lifetime: made from the key in the vault and the endpoints in settings, replaced
 * when either changes, behind the switchable feed the collector reads, so the collector never restarts for it.
 */
export function createPoolConnection(
  vault: Vault,
  feed: SwitchableFeed,
  poolSettings: () => Settings['pool'],
  log: Logger,
): PoolConnection {
  routeAutobahnLog(log);
  // What the current service was made with; read from settings at each (re)connect, never captured once.
  let pool = poolSettings();
  let running = false;
  const make = (): ProHashingService | null => {
    const apiKey = vault.get(POOL_KEY);
    pool = poolSettings();
    if (!apiKey) return null;
    return createProHashing({
      apiKey,
      ...(pool.accountName ? { accountName: pool.accountName } : {}),
      baseUrl: pool.restUrl,
      wsUrl: pool.wsUrl,
      clock: systemClock,
      log,
    });
  };
  const swap = async () => {
    const old = feed.current();
    const next = running ? make() : null;
    feed.use(next);
    next?.start();
    if (old) await old.stop().catch((err: unknown) => log.warn(`[rigdeck] ProHashing: ${String(err)}`));
  };
  return {
    configured: () => vault.has(POOL_KEY),
    async setApiKey(apiKey) {
      if (apiKey === null) vault.delete(POOL_KEY);
      else vault.set(POOL_KEY, apiKey);
      await swap();
    },
    async reconfigure() {
      const next = poolSettings();
      const same =
        next.accountName === pool.accountName && next.restUrl === pool.restUrl && next.wsUrl === pool.wsUrl;
      if (!same) await swap();
    },
    start() {
      running = true;
      void swap();
    },
    async stop() {
      running = false;
      await swap();
    },
  };
}
