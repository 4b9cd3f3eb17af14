// @vitest-environment node
import { createSocket } from 'node:dgram';

import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  admit,
  type IpReport,
  type IpReportListener,
  parseIpReport,
  startIpReportListener,
} from '../../../../electron/discovery/ip-report';
import { type Bucket, takeToken } from '../../../../electron/discovery/limiter';

describe('parseIpReport', () => {
  it.each([
    ['192.168.1.50,02:C0:4B:11:22:33', '192.168.1.50'],
    ['  10.0.0.7 , 02-c0-4b-11-22-33\r\n', '10.0.0.7'],
    ['\u0000\u0000127.0.1.9,02:c0:4b:11:22:33\u0000', '127.0.1.9'],
    ['10.0.0.8,02:C0:4B:11:22:33,extra,fields', '10.0.0.8'],
  ])('reads %j', (payload, ip) => {
    expect(parseIpReport(payload)).toEqual({ ip, mac: '02:C0:4B:11:22:33' });
  });

  it.each([
    'hello',
    '10.0.0.7',
    '10.0.0.999,02:C0:4B:11:22:33',
    '10.0.0.7,02:C0:4B:11:22',
    '10.0.0.7,02:C0:4B:11:22:334',
    'x10.0.0.7,02:C0:4B:11:22:33',
  ])('rejects %j', (payload) => {
    expect(parseIpReport(payload)).toBeNull();
  });
});

describe('rate limiting', () => {
  const rules = { perSource: { burst: 3, refillPerSec: 1 }, overall: { burst: 5, refillPerSec: 0.5 } };

  it('takes tokens from a bucket and refills it with time', () => {
    let b: Bucket | undefined;
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const r = takeToken(b, 0, { burst: 3, refillPerSec: 1 });
      results.push(r.allowed);
      b = r.bucket;
    }
    expect(results).toEqual([true, true, true, false]);
    expect(takeToken(b, 1000, { burst: 3, refillPerSec: 1 }).allowed).toBe(true);
  });

  it('admits a burst per source, then one a second, and caps all sources together', () => {
    const state = { sources: new Map<string, Bucket>(), overall: undefined };
    const a = Array.from({ length: 5 }, () => admit(state, '10.0.0.1', 0, rules));
    expect(a).toEqual([true, true, true, false, false]);
    expect(admit(state, '10.0.0.1', 1000, rules)).toBe(true);
    // The overall bucket (5, +0.5/s) had 2 left after the burst, 2.5 at t=1000: two more pass, then none.
    expect(admit(state, '10.0.0.2', 1000, rules)).toBe(true);
    expect(admit(state, '10.0.0.3', 1000, rules)).toBe(false);
  });

  it('remembers a bounded number of senders, so a spoofed flood cannot grow memory', () => {
    const state = { sources: new Map<string, Bucket>(), overall: undefined };
    for (let i = 0; i < 5000; i++) admit(state, `10.${i >> 8}.${i & 255}.1`, 0, rules);
    expect(state.sources.size).toBeLessThanOrEqual(1024);
  });
});

describe('IP Report listener on 127.0.0.1', () => {
  let listener: IpReportListener | null = null;
  afterEach(async () => {
    await listener?.close();
    listener = null;
  });

  async function send(port: number, payloads: string[]): Promise<void> {
    const socket = createSocket('udp4');
    for (const p of payloads)
      await new Promise<void>((resolve, reject) =>
        socket.send(Buffer.from(p), port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
      );
    socket.close();
  }

  it('passes on valid reports and rejects garbage and public addresses', async () => {
    const reports: IpReport[] = [];
    listener = await startIpReportListener({ port: 0, address: '127.0.0.1' }, (r) => reports.push(r));
    const port = listener.port;
    await send(port, ['127.0.1.9,02:c0:4b:11:22:33\n', 'garbage', '8.8.8.8,02:C0:4B:11:22:33']);
    await vi.waitFor(() => expect(listener?.stats()).toEqual({ accepted: 1, rejected: 2, limited: 0 }));
    expect(reports).toEqual([{ ip: '127.0.1.9', mac: '02:C0:4B:11:22:33', from: '127.0.0.1' }]);
  });

  it('holds a flood from one sender to its burst', async () => {
    const reports: IpReport[] = [];
    listener = await startIpReportListener({ port: 0, address: '127.0.0.1' }, (r) => reports.push(r), {
      now: () => 0,
      createSocket: () => createSocket('udp4'),
    });
    const port = listener.port;
    await send(
      port,
      Array.from({ length: 100 }, (_, i) => `127.0.1.${(i % 200) + 1},02:C0:4B:11:22:33`),
    );
    await vi.waitFor(() => expect(listener?.stats().limited).toBe(97));
    expect(reports).toHaveLength(3);
  });
});
