// Staging firmware in the core: chunks in order, a sha256 of what arrived, a sound file kept owner-only and
// listed, an unsound one answered and deleted, and an upload left idle dropped with its bytes.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { type Clock } from '../../../../../electron/clock';
import { createFirmwareStaging } from '../../../../../electron/control/firmware/staging';
import { makeFirmwareImage } from '../../../../../sim/vnish/firmware-image';
import { tempDir } from '../../../../helpers/core';

function manualClock() {
  let now = 1_000;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const clock: Clock = {
    now: () => now,
    after(ms, fn) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => timers.splice(timers.indexOf(t), 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { clock, advance };
}

const image = makeFirmwareImage({ version: '1.3.5', model: 'L9', payloadBytes: 50_000 });

describe('firmware staging', () => {
  it('keeps a sound file, hashed and owner-only, and lists it', () => {
    const dir = join(tempDir(), 'firmware');
    const { clock } = manualClock();
    const s = createFirmwareStaging({ dir, clock });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const { uploadId } = s.begin('l9.tar.gz', image.length);
    const half = Math.floor(image.length / 2);
    expect(s.chunk(uploadId, 0, image.subarray(0, half))).toEqual({ received: half });
    expect(() => s.chunk(uploadId, 0, image.subarray(0, 10))).toThrow(/expected byte/);
    expect(() => s.finish(uploadId)).toThrow(/send the rest/);
    s.chunk(uploadId, half, image.subarray(half));
    const file = s.finish(uploadId);
    expect(file).toMatchObject({
      ok: true,
      reason: null,
      models: ['l9'],
      version: '1.3.5',
      size: image.length,
    });
    expect(file.sha256).toBe(createHash('sha256').update(image).digest('hex'));
    expect(s.list()).toEqual([file]);
    const kept = s.file(file.fileId);
    expect(kept?.file).toEqual(file);
    expect(statSync(kept?.path ?? '').mode & 0o777).toBe(0o600);
    expect(s.file('../../etc/passwd')).toBeNull();
  });

  it('answers a refused file with the reason and keeps nothing of it', () => {
    const dir = join(tempDir(), 'firmware');
    const s = createFirmwareStaging({ dir, clock: manualClock().clock });
    const cut = image.subarray(0, 300);
    const { uploadId } = s.begin('cut.tar.gz', cut.length);
    s.chunk(uploadId, 0, cut);
    const file = s.finish(uploadId);
    expect(file.ok).toBe(false);
    expect(file.reason).toContain('truncated');
    expect(readdirSync(dir)).toEqual([]);
    expect(s.file(file.fileId)).toBeNull();
  });

  it('drops an upload left idle, and the parts a stopped core left behind', () => {
    const dir = join(tempDir(), 'firmware');
    const { clock, advance } = manualClock();
    const s = createFirmwareStaging({ dir, clock, abandonAfterMs: 60_000 });
    const { uploadId } = s.begin('slow.tar.gz', image.length);
    s.chunk(uploadId, 0, image.subarray(0, 100));
    expect(readdirSync(dir)).toEqual([`${uploadId}.part`]);
    advance(60_000);
    expect(readdirSync(dir)).toEqual([]);
    expect(() => s.chunk(uploadId, 100, image.subarray(100, 200))).toThrow(/No firmware upload/);
    // A core stopped mid-upload leaves its part; the next one deletes it at start.
    const left = s.begin('left.tar.gz', image.length);
    s.chunk(left.uploadId, 0, image.subarray(0, 100));
    createFirmwareStaging({ dir, clock });
    expect(readdirSync(dir)).toEqual([]);
    s.stop();
  });
});
