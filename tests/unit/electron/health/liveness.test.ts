// @vitest-environment node
// Liveness and the read itself: offline is critical and says when the rig was last seen, stale a warning, a rig
// never read is unknown; a restart RigDeck asked for is not a problem; a degraded read names both errors.
import { describe, expect, it } from 'vitest';
import { codes, input, run, snap, T0 } from './fixtures';

describe('liveness', () => {
  it('is unknown before the first answer', () => {
    expect(run([input(null)])[0]).toMatchObject({ health: 'unknown', problems: [] });
  });

  it('names offline (critical) with when it was last seen and why, and stale (warning)', () => {
    const off = run([input(snap(), { liveness: 'offline', lastError: 'timeout' })])[0];
    expect(off?.health).toBe('critical');
    expect(off?.problems.map((p) => p.text)).toEqual([
      `offline, last seen ${new Date(T0).toISOString()}: timeout`,
    ]);
    expect(codes(run([input(snap(), { liveness: 'stale' })])[0])).toEqual(['stale']);
    expect(codes(run([input(null, { liveness: 'offline' })])[0])).toEqual(['offline']);
  });

  it('does not count silence during a restart RigDeck asked for', () => {
    expect(run([input(snap(), { liveness: 'stale', commandedRestart: true })])[0]?.problems).toEqual([]);
  });

  it('shows a degraded read with both errors', () => {
    const s = run([input(snap(), { degraded: 'REST: http 500; RPC answered without stats: bad_reply' })])[0];
    expect(s?.problems.map((p) => [p.code, p.text])).toEqual([
      ['degraded-read', 'degraded read: REST: http 500; RPC answered without stats: bad_reply'],
    ]);
  });
});
