// What counts as "the miner shows it" after each command, from /status and /settings as the miner returns them.
import { describe, expect, it } from 'vitest';
import { rigFacts } from '../../../../electron/control/facts';
import {
  locateShows,
  miningShows,
  overclockShows,
  presetShows,
  rebootShows,
  throttleShows,
} from '../../../../electron/control/verify';
import { failureMessage } from '../../../../electron/control/wording';
import { MinerError } from '../../../../electron/miners/errors';
import { settingsSchema } from '../../../../electron/miners/vnish/schemas-control';
import { statusSchema } from '../../../../electron/miners/vnish/schemas-summary';

const status = (miner_state: string, extra: Record<string, unknown> = {}) =>
  statusSchema.parse({ miner_state, miner_state_time: 100, find_miner: false, unlocked: true, ...extra });

describe('miningShows', () => {
  it('stop: shutting down or stopped; pause: stopped', () => {
    expect(miningShows('stop', null, status('shutting-down'))).toBe(true);
    expect(miningShows('stop', null, status('stopped'))).toBe(true);
    expect(miningShows('stop', null, status('mining'))).toBe(false);
    expect(miningShows('pause', null, status('stopped'))).toBe(true);
    expect(miningShows('pause', null, status('shutting-down'))).toBe(false);
  });

  it('start and resume: on the way up or hashing; not while still stopped or failed', () => {
    for (const verb of ['start', 'resume'] as const) {
      for (const s of ['initializing', 'starting', 'restarting', 'auto-tuning', 'mining'])
        expect(miningShows(verb, null, status(s))).toBe(true);
      expect(miningShows(verb, null, status('stopped'))).toBe(false);
      expect(miningShows(verb, null, status('failure'))).toBe(false);
    }
  });

  it('restart: coming up, or hashing with a mining clock that went back', () => {
    const before = status('mining', { miner_state_time: 5000 });
    expect(miningShows('restart', before, status('restarting'))).toBe(true);
    expect(miningShows('restart', before, status('initializing'))).toBe(true);
    expect(miningShows('restart', before, status('mining', { miner_state_time: 3 }))).toBe(true);
    // Still mining on the same clock: the restart did not happen.
    expect(miningShows('restart', before, status('mining', { miner_state_time: 5003 }))).toBe(false);
    expect(miningShows('restart', null, status('mining', { miner_state_time: 3 }))).toBe(false);
  });
});

describe('read-back of LED, throttle, settings and reboot', () => {
  it('compares what the miner reports with what was asked', () => {
    expect(locateShows(true, status('mining', { find_miner: true }))).toBe(true);
    expect(locateShows(true, status('mining'))).toBe(false);
    expect(throttleShows(80, status('mining', { throttled: 80 }))).toBe(true);
    expect(throttleShows(80, status('mining'))).toBe(false);

    const settings = settingsSchema.parse({
      miner: { overclock: { preset: '3425', globals: { freq: 500, volt: 1360 } } },
    });
    expect(presetShows('3425', settings)).toBe(true);
    expect(presetShows('3700', settings)).toBe(false);
    expect(overclockShows(500, null, settings)).toBe(true);
    expect(overclockShows(500, 1360, settings)).toBe(true);
    expect(overclockShows(null, 1370, settings)).toBe(false);
    expect(overclockShows(500, null, settingsSchema.parse({ miner: {} }))).toBe(false);
  });

  it('a reboot shows as the rig gone or its uptime reset', () => {
    expect(rebootShows(3600, { down: true })).toBe(true);
    expect(rebootShows(3600, { down: false, uptimeSec: 20 })).toBe(true);
    expect(rebootShows(3600, { down: false, uptimeSec: 3605 })).toBe(false);
    expect(rebootShows(null, { down: false, uptimeSec: 20 })).toBe(false);
  });
});

describe('rigFacts', () => {
  it('takes the running firmware version first, else the registered one', () => {
    expect(rigFacts({ firmwareVersion: '1.2.7' }, null, null)).toEqual({
      firmwareVersion: '1.2.7',
      model: null,
      presets: null,
    });
    const running = { identity: { firmwareVersion: '1.3.4' } };
    expect(rigFacts({ firmwareVersion: '1.2.7' }, { model: null, presets: [] }, running)).toEqual({
      firmwareVersion: '1.3.4',
      model: null,
      presets: [],
    });
    const unread = { identity: { firmwareVersion: null } };
    expect(rigFacts({ firmwareVersion: '1.2.7' }, null, unread).firmwareVersion).toBe('1.2.7');
  });
});

describe('failureMessage', () => {
  it('keeps the miner’s own words and names the kind of failure', () => {
    const refused = new MinerError('miner_error', 'POST /mining/pause @ h:1: x', { minerMessage: 'busy ' });
    expect(failureMessage(refused)).toBe('The miner refused: busy');
    expect(failureMessage(new MinerError('auth', 'POST /unlock @ h:1: wrong password'))).toBe(
      'Cannot log in to the miner (wrong password?): POST /unlock @ h:1: wrong password',
    );
    expect(failureMessage(new MinerError('unreachable', 'x'))).toContain('cannot be reached');
    expect(failureMessage(new MinerError('timeout', 'x'))).toContain('did not answer in time');
    expect(failureMessage(new Error('boom'))).toBe('Unexpected error: boom');
  });
});
