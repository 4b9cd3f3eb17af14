// @vitest-environment node
// A changed poll interval changes every timing derived from it, the per-poll deadline included (the deadline
// once stayed at its start-up value). The rig is a loopback socket that accepts and never answers, so only the
// deadline can free its slot; time is simulated, so nothing here measures time.
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { createCollector } from '../../../electron/collector/collector';
import { collectorConfig } from '../../../electron/collector/config';
import { manualClock } from '../../unit/electron/pool/manual-clock';
import { rigRecord } from '../../unit/electron/collector/fixtures';
import { fakeHistory } from './farm-fleet';

const RETENTION = { rawHours: 24, fiveMinuteDays: 14, hourlyDays: 365 };
let server: Server | null = null;
const sockets = new Set<Socket>();

afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function silentRig(): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('collector.configure', () => {
  it('applies the new interval’s poll deadline, not the one it started with', async () => {
    const before = collectorConfig({ pollIntervalSec: 2, retention: RETENTION });
    const after = collectorConfig({ pollIntervalSec: 20, retention: RETENTION });
    expect(after.pollDeadlineMs).toBeGreaterThan(before.pollDeadlineMs);

    const port = await silentRig();
    const clock = manualClock();
    const collector = createCollector({
      clock,
      history: fakeHistory(),
      passwordFor: () => 'admin',
      settings: { pollIntervalSec: 2, retention: RETENTION },
      overrides: { initialSpreadRatio: 0 },
    });
    try {
      collector.start();
      collector.configure({ pollIntervalSec: 20 });
      collector.setRigs([rigRecord('silent', { httpPort: port })]);
      const lastError = () => collector.live().find((l) => l.rigId === 'silent')?.lastError ?? null;
      await clock.flush();
      expect(collector.stats().inFlight).toBe(1);
      // Past the old deadline the poll is still waiting for its answer...
      await clock.advance(before.pollDeadlineMs + 1);
      expect(collector.stats().inFlight).toBe(1);
      expect(lastError()).toBeNull();
      // ...and the new deadline cuts it short, a miss on the rig's record (its next poll starts at once).
      await clock.advance(after.pollDeadlineMs - before.pollDeadlineMs);
      await clock.flush();
      expect(lastError()).toMatch(/abort/i);
    } finally {
      await collector.stop();
    }
  });
});
