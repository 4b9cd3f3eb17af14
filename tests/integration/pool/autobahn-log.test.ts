// @vitest-environment node
// autobahn's own chatter (multi-line "connection closed" dumps) goes to our log at debug, never to the console.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { autobahnConnector, routeAutobahnLog } from '../../../electron/pool/prohashing/wamp-connector';
import { quietLog } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';

afterEach(() => {
  vi.restoreAllMocks();
  routeAutobahnLog(quietLog);
});

describe('autobahn log routing', () => {
  it('sends what autobahn prints about a refused connection to debug, not to console', async () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    const debug: unknown[][] = [];
    routeAutobahnLog({ ...quietLog, debug: (...args: unknown[]) => debug.push(args) });
    const port = await freePortRange(1, 24_000); // probed free: nothing listens, the connection is refused
    const attempt = autobahnConnector({
      url: `ws://127.0.0.1:${port}/ws`,
      realm: 'mining',
      authid: 'web',
      secret: 'web',
      onClose: () => undefined,
    });
    await expect(attempt.joined).rejects.toThrow();
    await attempt.closed;
    expect(debug.some((args) => args.includes('connection closed'))).toBe(true);
    expect(debug.every((args) => args[0] === '[autobahn]')).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('a connection closed before autobahn is even loaded ends as not joined, and closed', async () => {
    const port = await freePortRange(1, 24_000);
    const attempt = autobahnConnector({
      url: `ws://127.0.0.1:${port}/ws`,
      realm: 'mining',
      authid: 'web',
      secret: 'web',
      onClose: () => undefined,
    });
    attempt.close();
    await expect(attempt.joined).rejects.toThrow(/ProHashing live: closed/);
    await attempt.closed;
  });
});
