import type { Client } from './types';

/**
 * Runs `then` each time the link to the core comes up: at start, and after every reconnect or login. Events missed
 * while the link was down are not replayed, so what is shown is read again then.
 */
export function whenConnected(client: Pick<Client, 'onStatus'>, then: () => void): () => void {
  let up = false;
  return client.onStatus(({ status }) => {
    const was = up;
    up = status === 'connected';
    if (up && !was) then();
  });
}
