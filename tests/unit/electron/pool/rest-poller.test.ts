// @vitest-environment node
// The REST runner on a manual clock: first calls at start, one after another; account endpoints every 60 s,
// public every 120 s; backoff after a failure; skipping walletEx on request; stop cancels a call in flight.
import { describe, expect, it } from 'vitest';
import { resolveCadence } from '../../../../electron/pool/prohashing/cadence';
import { PoolError } from '../../../../electron/pool/prohashing/errors';
import { type RestClient } from '../../../../electron/pool/prohashing/rest-client';
import { createRestPoller, type RestOutcome } from '../../../../electron/pool/prohashing/rest-poller';
import { type RestEndpoint } from '../../../../shared/pool';
import { manualClock } from './manual-clock';

const T0 = 1_700_000_000_000;

function fakeClient(clock: { now(): number }) {
  const calls: [RestEndpoint, number][] = [];
  const failNext = new Set<RestEndpoint>();
  let hang: ((signal: AbortSignal) => Promise<never>) | null = null;
  const run = async <T>(e: RestEndpoint, value: T, signal?: AbortSignal): Promise<T> => {
    calls.push([e, clock.now() - T0]);
    if (hang && signal) return hang(signal);
    if (failNext.delete(e)) throw new PoolError('html', `${e}: an HTML page`);
    return value;
  };
  const client: RestClient = {
    wallet: (s) => run('wallet', [], s),
    walletEx: (s) => run('walletEx', { miners: [], balances: null }, s),
    status: (s) => run('status', [], s),
    currencies: (s) => run('currencies', [], s),
  };
  return {
    client,
    calls,
    failNext,
    hangAll: () => {
      hang = (signal) =>
        new Promise<never>((_, reject) =>
          signal.addEventListener('abort', () => reject(new PoolError('aborted', 'cancelled'))),
        );
    },
  };
}

describe('REST poller', () => {
  it('keeps the polite cadence and backs off after a failure', async () => {
    const clock = manualClock(T0);
    const fake = fakeClient(clock);
    const outcomes: RestOutcome[] = [];
    const poller = createRestPoller({
      client: fake.client,
      clock,
      cadence: resolveCadence(),
      endpoints: ['wallet', 'walletEx', 'status', 'currencies'],
      onOutcome: (o) => outcomes.push(o),
    });
    poller.start();
    await clock.advance(0);
    expect(fake.calls).toEqual([
      ['wallet', 0],
      ['walletEx', 0],
      ['status', 0],
      ['currencies', 0],
    ]);
    fake.failNext.add('wallet');
    await clock.advance(60_000);
    expect(fake.calls.slice(4)).toEqual([
      ['wallet', 60_000],
      ['walletEx', 60_000],
    ]);
    expect(outcomes.at(-2)).toMatchObject({ endpoint: 'wallet', ok: false });
    expect(poller.schedule('wallet')).toMatchObject({ failures: 1, nextAt: T0 + 60_000 + 120_000 });
    await clock.advance(60_000);
    // 120 s: public endpoints and walletEx; wallet waits out its backoff until 180 s.
    expect(fake.calls.slice(6)).toEqual([
      ['walletEx', 120_000],
      ['status', 120_000],
      ['currencies', 120_000],
    ]);
    await clock.advance(60_000);
    expect(fake.calls.slice(9)).toEqual([
      ['wallet', 180_000],
      ['walletEx', 180_000],
    ]);
    expect(poller.schedule('wallet')).toMatchObject({ failures: 0, nextAt: T0 + 240_000 });
    // Every gap between two calls of one endpoint respects its floor.
    for (const e of ['wallet', 'walletEx', 'status', 'currencies'] as const) {
      const times = fake.calls.filter(([x]) => x === e).map(([, t]) => t);
      const floor = e === 'wallet' || e === 'walletEx' ? 60_000 : 120_000;
      times.slice(1).forEach((t, i) => expect(t - (times[i] ?? 0)).toBeGreaterThanOrEqual(floor));
    }
    await poller.stop();
  });

  it('skips an endpoint the owner does not want now, and reports schedules', async () => {
    const clock = manualClock(T0);
    const fake = fakeClient(clock);
    const schedules: string[] = [];
    let wantEx = false;
    const poller = createRestPoller({
      client: fake.client,
      clock,
      cadence: resolveCadence(),
      endpoints: ['wallet', 'walletEx'],
      shouldPoll: (e) => e !== 'walletEx' || wantEx,
      onOutcome: () => undefined,
      onSchedule: (e, s) => schedules.push(`${e}@${s.nextAt - T0}`),
    });
    poller.start();
    await clock.advance(0);
    expect(fake.calls.map(([e]) => e)).toEqual(['wallet']);
    wantEx = true;
    await clock.advance(60_000);
    expect(fake.calls.map(([e]) => e)).toEqual(['wallet', 'wallet', 'walletEx']);
    expect(schedules).toEqual([
      'wallet@0',
      'walletEx@0',
      'wallet@60000',
      'walletEx@60000',
      'wallet@120000',
      'walletEx@120000',
    ]);
    await poller.stop();
  });

  it('stop aborts the request in flight and no timer is left', async () => {
    const clock = manualClock(T0);
    const fake = fakeClient(clock);
    const outcomes: RestOutcome[] = [];
    fake.hangAll();
    const poller = createRestPoller({
      client: fake.client,
      clock,
      cadence: resolveCadence(),
      endpoints: ['status'],
      onOutcome: (o) => outcomes.push(o),
    });
    poller.start();
    await clock.advance(0);
    expect(fake.calls).toEqual([['status', 0]]);
    await poller.stop();
    expect(outcomes).toEqual([]);
    expect(clock.pendingTimers()).toEqual([]);
    await clock.advance(600_000);
    expect(fake.calls).toHaveLength(1);
  });
});
