// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

import { type DiscoveredDevice } from '../../../../shared/discovery';
import { type Identity } from '../../../../electron/discovery/fingerprint';
import { toDevice } from '../../../../electron/discovery/identify';
import {
  DEFAULT_SCAN_OPTIONS,
  runScan,
  type ScanDeps,
  type ScanEvent,
  type ScanOptions,
} from '../../../../electron/discovery/scan';
import { parseTargets, type Target } from '../../../../electron/discovery/targets';
import { type PortState } from '../../../../electron/discovery/tcp-probe';

const VNISH: Identity = {
  kind: 'vnish',
  firmware: 'Vnish',
  version: '1.3.4',
  model: 'Antminer L7',
  mac: null,
  serial: null,
  hostname: null,
  reason: null,
};

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

type Fake = ScanDeps & { maxProbes: number; maxIdentify: number; probes: number };

/** Every host whose last octet is divisible by `every` answers on port 80; the rest refuse. */
function fakeDeps(every: number, o: { identify?: ScanDeps['identify'] } = {}): Fake {
  let probes = 0;
  let identifying = 0;
  let clock = 0;
  const fake: Fake = {
    maxProbes: 0,
    maxIdentify: 0,
    probes: 0,
    async probe(host, port): Promise<PortState> {
      probes++;
      fake.probes++;
      fake.maxProbes = Math.max(fake.maxProbes, probes);
      await tick();
      probes--;
      const last = Number(host.split('.').at(-1));
      return port === 80 && last % every === 0 ? 'open' : 'closed';
    },
    async identify(t, open, signal, socket) {
      identifying++;
      fake.maxIdentify = Math.max(fake.maxIdentify, identifying);
      try {
        if (o.identify) return await o.identify(t, open, signal, socket);
        await tick();
        signal.throwIfAborted();
        return VNISH;
      } finally {
        identifying--;
      }
    },
    toDevice,
    now: () => (clock += 7),
  };
  return fake;
}

function options(o: Partial<ScanOptions> = {}): ScanOptions {
  return { ...DEFAULT_SCAN_OPTIONS, ...o };
}

describe('runScan', () => {
  it('scans a /16 with bounded in-flight work, streaming results as they are known', async () => {
    const targets = parseTargets('10.9.0.0/16');
    const deps = fakeDeps(10);
    const found: DiscoveredDevice[] = [];
    let foundBeforeHalf = 0;
    let lastProgress = { done: 0, total: 0 };
    const summary = await runScan(
      targets,
      options({ concurrency: 128, identifyConcurrency: 16 }),
      deps,
      (e) => {
        if (e.type === 'found') {
          found.push(e.device);
          if (lastProgress.done < targets.total / 2) foundBeforeHalf++;
        }
        if (e.type === 'progress') {
          expect(e.done).toBeGreaterThanOrEqual(lastProgress.done);
          lastProgress = e;
        }
      },
      new AbortController().signal,
    );
    // Last octets 0, 10 … 250 answer in each of the 256 /24s; only 10.9.0.0 (the network address) is skipped.
    const expected = 256 * 26 - 1;
    expect(summary).toMatchObject({ total: 65_534, done: 65_534, found: expected, cancelled: false });
    expect(summary.byKind).toEqual({ vnish: expected, unsupported: 0, unknown: 0 });
    expect(found).toHaveLength(expected);
    expect(foundBeforeHalf).toBeGreaterThan(0);
    expect(lastProgress).toMatchObject({ done: 65_534, total: 65_534 });
    expect(deps.probes).toBe(2 * 65_534);
    expect(deps.maxProbes).toBeLessThanOrEqual(2 * 128);
    expect(deps.maxIdentify).toBeLessThanOrEqual(16);
  });

  it('uses each target’s own ports and probes a shared port once', async () => {
    const seen: string[] = [];
    const deps: ScanDeps = {
      ...fakeDeps(1),
      probe: async (host, port) => {
        seen.push(`${host}:${port}`);
        return 'closed';
      },
    };
    const targets = parseTargets('127.0.0.1:18000/18001 127.0.0.2:9000/9000');
    await runScan(targets, options(), deps, () => undefined, new AbortController().signal);
    expect(seen.sort()).toEqual(['127.0.0.1:18000', '127.0.0.1:18001', '127.0.0.2:9000']);
  });

  it('stops on cancel: no results after it, a done event marked cancelled', async () => {
    const controller = new AbortController();
    const events: ScanEvent[] = [];
    let afterCancel = 0;
    const summary = await runScan(
      parseTargets('10.9.0.0/20'),
      options({ concurrency: 32 }),
      fakeDeps(2),
      (e) => {
        if (controller.signal.aborted && e.type === 'found') afterCancel++;
        events.push(e);
        if (e.type === 'found' && events.filter((x) => x.type === 'found').length === 20) controller.abort();
      },
      controller.signal,
    );
    expect(summary.cancelled).toBe(true);
    expect(summary.done).toBeLessThan(summary.total);
    expect(afterCancel).toBe(0);
    expect(events.at(-1)).toEqual({ type: 'done', summary });
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
  });

  it('never drops a device whose identification fails: it is reported unknown with the cause', async () => {
    const deps = fakeDeps(1, {
      identify: async (t: Target) => {
        if (t.host.endsWith('.3')) throw new Error('parser exploded');
        return VNISH;
      },
    });
    const found: DiscoveredDevice[] = [];
    await runScan(
      parseTargets('10.0.0.1-5'),
      options(),
      deps,
      (e) => {
        if (e.type === 'found') found.push(e.device);
      },
      new AbortController().signal,
    );
    expect(found).toHaveLength(5);
    const bad = found.find((d) => d.ip === '10.0.0.3');
    expect(bad).toMatchObject({
      kind: 'unknown',
      reason: 'Unknown device: identification failed (parser exploded).',
    });
    expect(bad?.rpcPort).toBeNull();
  });

  it('keeps going when a listener throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const summary = await runScan(
      parseTargets('10.0.0.1-10'),
      options(),
      fakeDeps(1),
      (e) => {
        if (e.type === 'found') throw new Error('ui went away');
      },
      new AbortController().signal,
    );
    expect(summary).toMatchObject({ done: 10, found: 10 });
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('throttles progress events but always sends the first and the last', async () => {
    const progress: number[] = [];
    await runScan(
      parseTargets('10.0.0.0/24'),
      options({ progressEveryMs: 1_000_000 }),
      fakeDeps(1000),
      (e) => {
        if (e.type === 'progress') progress.push(e.done);
      },
      new AbortController().signal,
    );
    expect(progress).toEqual([0, 254]);
  });

  it('reports a throwing listener to the injected log and keeps scanning', async () => {
    const errors: string[] = [];
    const deps = { ...fakeDeps(1), log: { error: (m: string) => errors.push(m) } };
    const summary = await runScan(
      parseTargets('127.0.99.1-127.0.99.3'),
      options(),
      deps,
      () => {
        throw new Error('listener broke');
      },
      new AbortController().signal,
    );
    expect(summary.found).toBe(3);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.includes('listener broke'))).toBe(true);
  });
});
