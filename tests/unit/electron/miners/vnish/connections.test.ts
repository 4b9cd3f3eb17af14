// @vitest-environment node
// How long the miner agent keeps an idle connection a miner says it keeps for N seconds (connections.ts).
import { describe, expect, it } from 'vitest';
import { keepForMs } from '../../../../../electron/miners/vnish/connections';

describe('keepForMs', () => {
  it('keeps until just before the miner would close it', () => {
    expect(keepForMs(5, 60_000)).toBe(4000);
    expect(keepForMs(60, 60_000)).toBe(59_000);
    // A short timeout keeps a fifth less rather than nothing.
    expect(keepForMs(1, 60_000)).toBe(800);
  });

  it('never keeps longer than the cap, and nothing for a miner that keeps none', () => {
    expect(keepForMs(600, 60_000)).toBe(60_000);
    expect(keepForMs(0, 60_000)).toBe(0);
  });
});
