// @vitest-environment node
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { type WebhookPayload, createWebhook } from '../../../../electron/alerts/webhook';
import { systemClock } from '../../../../electron/clock';
import type { AlertNotification } from '../../../../shared/alerts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A receiver on loopback that answers each request with the next status in `statuses` (then 200). */
async function receiver(statuses: number[]) {
  const got: { status: number; type: string | undefined; body: WebhookPayload }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      got.push({ status, type: req.headers['content-type'], body: JSON.parse(body) as WebhookPayload });
      res.writeHead(status).end();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, got };
}

const note = (title: string): AlertNotification => ({
  title,
  body: 'chip 89 °C, limit 85 °C',
  rigIds: ['rig-01'],
  severity: 'critical',
  sound: false,
});

describe('alert webhook', () => {
  it('POSTs each notification as JSON, retrying with backoff while the receiver fails', async () => {
    const r = await receiver([503, 502]);
    const hook = createWebhook({ url: () => r.url, clock: systemClock, backoffMs: [5, 10, 20] });
    hook.send([note('rig-01 overheating (chips)'), note('second')]);
    await hook.idle();
    expect(r.got.map((g) => [g.status, g.body.notification.title])).toEqual([
      [503, 'rig-01 overheating (chips)'],
      [502, 'rig-01 overheating (chips)'],
      [200, 'rig-01 overheating (chips)'],
      [200, 'second'],
    ]);
    expect(r.got[0]?.type).toBe('application/json');
    expect(r.got[0]?.body).toMatchObject({
      source: 'rigdeck',
      notification: note('rig-01 overheating (chips)'),
    });
  });

  it('does not retry a refusal (4xx), gives up after the last backoff, and sends nothing without a URL', async () => {
    const r = await receiver([400, 500, 500, 500]);
    const warnings: string[] = [];
    const hook = createWebhook({
      url: () => r.url,
      clock: systemClock,
      backoffMs: [5, 5],
      log: { warn: (m: string) => warnings.push(m) },
    });
    hook.send([note('refused'), note('down')]);
    await hook.idle();
    expect(r.got.map((g) => [g.status, g.body.notification.title])).toEqual([
      [400, 'refused'],
      [500, 'down'],
      [500, 'down'],
      [500, 'down'],
    ]);
    expect(warnings).toHaveLength(2);

    const off = createWebhook({ url: () => '', clock: systemClock });
    off.send([note('nowhere')]);
    await off.idle();
    expect(r.got).toHaveLength(4);
  });
});
