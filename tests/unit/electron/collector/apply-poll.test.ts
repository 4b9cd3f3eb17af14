// @vitest-environment node
// How poll results change a rig's entry (pure): an answer stores the snapshot for the next batch and asks for a
// detail re-read after silence or a change of state; misses carry the error; a restart request is logged; and
// the protocol chosen for a rig follows the registry, with RPC only when HTTP answered but not as Vnish.
import { describe, expect, it } from 'vitest';
import {
  applyAnswer,
  applyCancelRestart,
  applyElapse,
  applyMiss,
  applyRestart,
} from '../../../../electron/collector/apply-poll';
import { collectorConfig } from '../../../../electron/collector/config';
import { type PollOutcome } from '../../../../electron/collector/poll-rig';
import { preferredSource, shouldTryRpc } from '../../../../electron/collector/read-rig';
import { liveOf, newEntry, rehome, type RigEntry } from '../../../../electron/collector/rig-entry';
import { MinerError } from '../../../../electron/miners/errors';
import { rigRecord, snap, T0 } from './fixtures';

const cfg = collectorConfig().liveness;
const outcome = (over: Partial<PollOutcome> = {}): PollOutcome => ({
  snapshot: snap(),
  source: 'vnish-rest',
  client: null,
  password: 'admin',
  detail: null,
  detailRead: true,
  slow: null,
  slowRead: true,
  chipsRead: false,
  model: null,
  implausible: [],
  degraded: null,
  ...over,
});

function answeredEntry(): RigEntry {
  return applyAnswer('r', newEntry(rigRecord('r'), 1), outcome(), T0, cfg).entry;
}

describe('applying poll results', () => {
  it('stores an answer for the next batch and shows the rig online, quietly on first contact', () => {
    const a = applyAnswer('r', newEntry(rigRecord('r'), 1), outcome(), T0, cfg);
    expect(a.entry).toMatchObject({
      unsaved: a.entry.snapshot,
      detailDue: false,
      slowDue: false,
      source: 'vnish-rest',
    });
    expect(a.entry.poll).toEqual({ lastPollMs: T0, lastError: null });
    expect(liveOf('r', a.entry, T0).liveness).toBe('online');
    expect(a.events).toEqual([]);
    expect(a.urgent).toBe(true);
  });

  it('keeps the error of a miss, and logs stale then offline as time passes', () => {
    let e = answeredEntry();
    const events: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const a = applyMiss('r', e, 'connect ECONNREFUSED', T0 + i * 15_000, T0 + i * 15_000, cfg);
      e = a.entry;
      events.push(...a.events.map((x) => x.text));
    }
    expect(e.poll.lastError).toBe('connect ECONNREFUSED');
    expect(liveOf('r', e, T0 + 60_000).liveness).toBe('offline');
    expect(events).toEqual([
      'stale: 2 polls missed (connect ECONNREFUSED)',
      'offline after 60 s without an answer (connect ECONNREFUSED)',
    ]);
    expect(applyElapse('r', e, T0 + 70_000, cfg)).toMatchObject({ entry: e, events: [], urgent: false });
  });

  it('asks for a detail re-read after silence or a change of state, not after a plain answer', () => {
    const e = answeredEntry();
    const plain = applyAnswer(
      'r',
      e,
      outcome({ snapshot: snap({ takenAtMs: T0 + 15_000 }), detailRead: false }),
      T0,
      cfg,
    );
    expect(plain.entry.detailDue).toBe(false);
    const state = applyAnswer(
      'r',
      e,
      outcome({ snapshot: snap({ takenAtMs: T0 + 15_000, minerState: 'auto-tuning' }), detailRead: false }),
      T0,
      cfg,
    );
    expect(state.entry.detailDue).toBe(true);
    expect(state.events.map((x) => x.text)).toEqual(['mining → auto-tuning']);
    const silent = applyMiss('r', e, 'timeout', T0 + 15_000, T0 + 15_000, cfg).entry;
    const back = applyAnswer(
      'r',
      silent,
      outcome({ snapshot: snap({ takenAtMs: T0 + 30_000 }), detailRead: false }),
      T0,
      cfg,
    );
    expect(back.entry.detailDue).toBe(true);
  });

  it('logs a restart request and does not call the uptime reset after it an unexpected reboot', () => {
    const detail = (uptimeSec: number) => ({
      info: null,
      infoAtMs: null,
      uptimeSec,
      status: null,
      perf: null,
      atMs: T0,
    });
    const base = applyAnswer(
      'r',
      newEntry(rigRecord('r'), 1),
      outcome({ detail: detail(86_400) }),
      T0,
      cfg,
    ).entry;
    const asked = applyRestart('r', base, T0 + 300_000, T0);
    expect(asked.events.map((x) => x.text)).toEqual(['restart requested, expected back within 5 min']);
    expect(liveOf('r', asked.entry, T0).restarting).toBe(true);
    const rebooted = outcome({ snapshot: snap({ takenAtMs: T0 + 90_000 }), detail: detail(20) });
    const after = applyAnswer('r', asked.entry, rebooted, T0, cfg);
    expect(after.events.filter((x) => x.kind === 'reboot')).toEqual([]);
    const unasked = applyAnswer('r', base, rebooted, T0, cfg);
    expect(unasked.events.map((x) => x.text)).toEqual(['rebooted (up 20 s)']);
    // Reads without a new /info say nothing about reboots.
    expect(applyAnswer('r', base, { ...rebooted, detailRead: false }, T0, cfg).events).toEqual([]);
  });

  it('calls off a restart the miner refused: not restarting, and its next own restart counts as its own', () => {
    const base = answeredEntry();
    const asked = applyRestart('r', base, T0 + 300_000, T0).entry;
    const off = applyCancelRestart('r', asked, T0 + 1_000);
    expect(off.urgent).toBe(true);
    expect(off.events.map((x) => x.text)).toEqual(['restart request refused by the miner']);
    expect(liveOf('r', off.entry, T0 + 1_000).restarting).toBe(false);
    expect(off.entry.check.memory.expectRestartUntilMs).toBe(0);
    // Nothing to call off: nothing changes, nothing is logged.
    expect(applyCancelRestart('r', base, T0)).toEqual({ entry: base, events: [], urgent: false });
  });

  it('keeps a moved rig’s record of answers but drops what belonged to the old address', () => {
    const e = { ...answeredEntry(), source: 'cgminer-rpc' as const };
    const moved = rehome(e, rigRecord('r', { ip: '127.0.0.9' }), 2);
    expect(moved).toMatchObject({
      gen: 2,
      source: null,
      client: null,
      detail: null,
      detailDue: true,
      slowDue: true,
    });
    expect(moved.health).toBe(e.health);
    expect(moved.snapshot).toBe(e.snapshot);
  });
});

describe('a steady answer', () => {
  it('logs nothing, is not urgent, and keeps the health state unless what the read said changed', () => {
    const e = answeredEntry();
    const a = applyAnswer('r', e, outcome({ snapshot: snap({ takenAtMs: T0 + 15_000 }) }), T0 + 15_000, cfg);
    expect([a.events, a.urgent]).toEqual([[], false]);
    expect(a.entry.check).toBe(e.check);
    expect(a.entry.snapshot?.takenAtMs).toBe(T0 + 15_000);
    expect(a.entry.health.answers).toBe(e.health.answers + 1);
    const odd = applyAnswer('r', a.entry, outcome({ implausible: ['chip −874 °C'] }), T0 + 30_000, cfg);
    expect(odd.entry.check).not.toBe(e.check);
    expect(odd.entry.check).toMatchObject({ implausible: ['chip −874 °C'], memory: e.check.memory });
    const clean = applyAnswer('r', odd.entry, outcome(), T0 + 45_000, cfg);
    expect(clean.entry.check.implausible).toEqual([]);
    const degraded = applyAnswer(
      'r',
      clean.entry,
      outcome({ source: 'cgminer-rpc', degraded: 'REST: x' }),
      T0,
      cfg,
    );
    expect([degraded.entry.check.degraded, degraded.entry.poll.lastError]).toEqual(['REST: x', 'REST: x']);
  });

  it('still logs a change of miner state between two answers', () => {
    const e = answeredEntry();
    const a = applyAnswer('r', e, outcome({ snapshot: snap({ minerState: 'stopped' }) }), T0 + 15_000, cfg);
    expect(a.events.map((x) => x.kind)).toEqual(['miner-state']);
  });
});

describe('protocol choice', () => {
  const target = { host: '127.0.0.1', rpcPort: 4028, firmware: 'Vnish' };
  it('asks Vnish REST first unless the registry knows better', () => {
    expect(preferredSource(target)).toBe('vnish-rest');
    expect(preferredSource({ ...target, firmware: null })).toBe('vnish-rest');
    expect(preferredSource({ ...target, firmware: 'Bitmain stock' })).toBe('cgminer-rpc');
    expect(preferredSource({ ...target, firmware: 'Bitmain stock', rpcPort: null })).toBe('vnish-rest');
  });

  it('falls back to RPC when HTTP answered but not as Vnish, never for a silent rig', () => {
    expect(shouldTryRpc(new MinerError('http', '401'), target)).toBe(true);
    expect(shouldTryRpc(new MinerError('bad_reply', 'html'), target)).toBe(true);
    expect(shouldTryRpc(new MinerError('timeout', 'slow'), target)).toBe(false);
    expect(shouldTryRpc(new MinerError('unreachable', 'refused'), target)).toBe(false);
    expect(shouldTryRpc(new MinerError('http', '401'), { ...target, rpcPort: null })).toBe(false);
  });
});
