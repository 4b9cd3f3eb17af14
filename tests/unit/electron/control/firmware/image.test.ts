// The image checks before any rig sees a byte: the virtual miner's own images pass with their model and
// version; damaged, truncated, foreign-format or unmanageable files are refused with the reason.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

import {
  DEFAULT_IMAGE_RULES,
  inspectImage,
  modelCode,
  modelRefusal,
} from '../../../../../electron/control/firmware/image';
import { makeFirmwareImage } from '../../../../../sim/vnish/firmware-image';
import { writeTar } from '../../../../../sim/util/tar';

const image = makeFirmwareImage({ version: '1.3.5', model: 'L7', payloadBytes: 20_000 });

describe('inspectImage', () => {
  it('reads the model and version a sound image names', () => {
    expect(inspectImage(image)).toEqual({
      ok: true,
      reason: null,
      format: 'tar.gz',
      models: ['l7'],
      version: '1.3.5',
    });
  });

  it('refuses a truncated image, saying so', () => {
    const cut = inspectImage(image.subarray(0, Math.floor(image.length / 2)));
    expect(cut.ok).toBe(false);
    expect(cut.reason).toContain('truncated');
  });

  it('refuses a damaged one (bytes flipped inside the compressed data)', () => {
    const bad = Buffer.from(image);
    for (let i = 40; i < 80; i++) bad[i] = (bad[i] ?? 0) ^ 0xff;
    const v = inspectImage(bad);
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/damaged|truncated/);
  });

  it('refuses what is not an archive, and a zip, naming the format it wants', () => {
    expect(inspectImage(Buffer.from('hello world, not firmware')).reason).toBe(
      'not an archive; a Vnish image is a tar.gz file',
    );
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(inspectImage(zip).reason).toBe('a zip archive; a Vnish image is a tar.gz file');
    expect(inspectImage(Buffer.alloc(0)).reason).toBe('the file is empty');
  });

  it('takes a plain tar only when the rules allow it', () => {
    const tar = writeTar([
      { name: 'manifest.json', data: Buffer.from('{"fw_version":"1.2.9","model":"l9"}') },
    ]);
    expect(inspectImage(tar).ok).toBe(false);
    const v = inspectImage(tar, { ...DEFAULT_IMAGE_RULES, formats: ['tar.gz', 'tar'] });
    expect(v).toMatchObject({ ok: true, format: 'tar', models: ['l9'], version: '1.2.9' });
  });

  it('passes an image without a manifest unless one is required (what real images hold is not known)', () => {
    const bare = gzipSync(writeTar([{ name: 'rootfs.img', data: Buffer.alloc(2048, 7) }]));
    expect(inspectImage(bare)).toMatchObject({ ok: true, models: [], version: null });
    const strict = inspectImage(bare, { ...DEFAULT_IMAGE_RULES, requireManifest: true });
    expect(strict.reason).toBe('it has no manifest saying which model it is for');
  });

  it('refuses a version RigDeck cannot manage, and a manifest that is not JSON', () => {
    const old = makeFirmwareImage({ version: '3.9.0', model: 'L3+' });
    expect(inspectImage(old)).toMatchObject({ ok: false, version: '3.9.0', models: ['l3+'] });
    expect(inspectImage(old).reason).toBe('version 3.9.0 is not one RigDeck can manage');
    const junk = gzipSync(writeTar([{ name: 'manifest.json', data: Buffer.from('{nope') }]));
    expect(inspectImage(junk).reason).toBe('its manifest is not JSON');
  });

  it('refuses a file larger than the rules allow without unpacking it', () => {
    expect(inspectImage(image, { ...DEFAULT_IMAGE_RULES, maxBytes: 100 }).reason).toBe(
      'larger than 100 bytes',
    );
  });
});

describe('modelRefusal', () => {
  it('matches model codes whatever their spelling', () => {
    expect(modelCode('Antminer L3+')).toBe('l3+');
    expect(modelRefusal(['l3+'], 'L3+')).toBeNull();
    expect(modelRefusal(['l7'], 'l9')).toBe('the image is for l7, not l9');
  });

  it('never sends to a rig whose model is unknown, and lets an image that names none go', () => {
    expect(modelRefusal(['l7'], null)).toBe("the rig's model is not known yet");
    expect(modelRefusal([], '')).toBe("the rig's model is not known yet");
    expect(modelRefusal([], 'l7')).toBeNull();
  });
});
