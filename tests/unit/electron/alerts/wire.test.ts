// @vitest-environment node
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import type { WebhookPayload } from '../../../../electron/alerts/webhook';
import { createCoreAlerts } from '../../../../electron/alerts/wire';
import type { CollectorUpdate } from '../../../../electron/collector/collector';
import { summarize, toRigLive } from '../../../../electron/collector/live';
import { createEventBus } from '../../../../electron/contract/events';
import { openDb } from '../../../../electron/store/db';
import type { AlertsChanged } from '../../../../shared/alerts';
import type { Problem } from '../../../../shared/health';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings';
import { tempDir } from '../../../helpers/core';
import { rigRecord } from '../collector/fixtures';
import { SEC, T0, problem } from './fixtures';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** A webhook receiver on loopback that takes everything. */
async function receiver() {
  const got: WebhookPayload[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push(JSON.parse(body) as WebhookPayload);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, got };
}

const live = (rigId: string, problems: Problem[]) => ({
  ...toRigLive({
    rigId,
    snapshot: null,
    liveness: 'online',
    restarting: false,
    poll: { lastPollMs: null, lastError: null },
    pool: { poolHashrateMhs: null, workerName: null },
  }),
  problems,
});

describe('alerts in the core', () => {
  it('follow the collector updates, announce on the event bus and post to the webhook', async () => {
    const hook = await receiver();
    const db = openDb(tempDir());
    cleanup.push(() => void db.$client.close());
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      alerts: { ...DEFAULT_SETTINGS.alerts, sustainSec: 10, webhookUrl: hook.url },
    };
    const events = createEventBus();
    const changed: AlertsChanged[] = [];
    events.subscribe((name, payload) => {
      if (name === 'alerts.changed') changed.push(payload as AlertsChanged);
    });
    let now = T0;
    const alerts = createCoreAlerts({
      db,
      events,
      settings: { get: () => settings },
      registry: { list: () => [rigRecord('rig-1', { name: 'rack-a-01', ip: '10.1.0.1' })] },
      now: () => now,
    });
    cleanup.push(() => alerts.stop());
    const listeners = new Set<(u: CollectorUpdate) => void>();
    const collector = {
      subscribe(l: (u: CollectorUpdate) => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    // Every update carries the whole summary, so the fleet's problems as they are now.
    let fleetProblems: Problem[] = [];
    const publish = (rigs: ReturnType<typeof live>[]) => {
      for (const l of listeners)
        l({ live: rigs, removed: [], summary: { ...summarize(rigs, now, null), fleetProblems } });
    };

    alerts.start(collector);
    const unmatched = problem(
      'pool-worker-unmatched',
      'warning',
      'worker "x9" credited, matches no rig',
      'x9',
    );
    fleetProblems = [unmatched];
    publish([live('rig-1', [problem()])]);
    now += 5 * SEC;
    publish([]);
    expect(changed).toEqual([]);
    now += 5 * SEC;
    publish([]);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.alerts.map((a) => [a.rigName, a.ip, a.code])).toEqual([
      ['rack-a-01', '10.1.0.1', 'overheat-chip'],
      [null, null, 'pool-worker-unmatched'],
    ]);
    expect(changed[0]?.notify.map((n) => n.title)).toEqual([
      'rack-a-01 overheating (chips)',
      'x9 credited by the pool but matching no rig',
    ]);
    expect(changed[0]?.counts).toEqual({ open: 2, acknowledged: 0, critical: 1, warning: 1 });

    await alerts.webhook.idle();
    expect(hook.got.map((p) => p.notification.title)).toEqual(changed[0]?.notify.map((n) => n.title));

    alerts.stop();
    publish([live('rig-1', [])]);
    expect(changed).toHaveLength(1);
  });
});
