// The simulator's firmware file format: a tar.gz holding `manifest.json` {fw_name, fw_version, model}
// plus a payload. Real Vnish images are opaque to us; what matters is that a good image changes the
// reported version after the reboot and a corrupt or foreign one is refused.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readTar, writeTar } from '../util/tar';

export type FirmwareManifest = { fw_name: string; fw_version: string; model: string };

export function makeFirmwareImage(m: { version: string; model: string; payloadBytes?: number }): Buffer {
  const manifest: FirmwareManifest = {
    fw_name: 'Vnish',
    fw_version: m.version,
    model: m.model.toLowerCase(),
  };
  const payload = Buffer.alloc(m.payloadBytes ?? 4096);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 31 + 7) & 0xff;
  return gzipSync(
    writeTar([
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
      { name: 'rootfs.img', data: payload },
    ]),
  );
}

export type ImageCheck = { ok: true; manifest: FirmwareManifest } | { ok: false; reason: string };

export function checkFirmwareImage(file: Buffer, model: string): ImageCheck {
  let tar: Buffer;
  try {
    tar = gunzipSync(file);
  } catch {
    return { ok: false, reason: 'Invalid firmware file: not a gzip archive' };
  }
  const entries = readTar(tar);
  if (!entries) return { ok: false, reason: 'Invalid firmware file: broken archive' };
  const manifestEntry = entries.find((e) => e.name === 'manifest.json');
  if (!manifestEntry) return { ok: false, reason: 'Invalid firmware file: no manifest' };
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestEntry.data.toString('utf8'));
  } catch {
    return { ok: false, reason: 'Invalid firmware file: bad manifest' };
  }
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    !('fw_version' in manifest) ||
    !('model' in manifest) ||
    !('fw_name' in manifest) ||
    typeof manifest.fw_version !== 'string' ||
    typeof manifest.model !== 'string' ||
    typeof manifest.fw_name !== 'string'
  ) {
    return { ok: false, reason: 'Invalid firmware file: bad manifest' };
  }
  if (!/^1\.[23]\.\d+/.test(manifest.fw_version))
    return { ok: false, reason: 'Unsupported firmware version' };
  if (manifest.model !== model)
    return { ok: false, reason: `Firmware is for ${manifest.model}, not ${model}` };
  return {
    ok: true,
    manifest: { fw_name: manifest.fw_name, fw_version: manifest.fw_version, model: manifest.model },
  };
}
