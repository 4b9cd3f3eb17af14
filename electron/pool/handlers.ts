import type { Handlers } from '../../shared/contract';
import type { PoolConnection } from './connection';
import type { SwitchableFeed } from './switchable-feed';

export function poolHandlers(
  connection: PoolConnection,
  feed: SwitchableFeed,
): Pick<Handlers, 'pool.configure' | 'pool.state'> {
  return {
    'pool.configure': async ({ apiKey }) => {
      await connection.setApiKey(apiKey);
      return { configured: connection.configured() };
    },
    'pool.state': async () => ({ configured: connection.configured(), state: feed.getState() }),
  };
}
