/**
 * `run firmware --firmware FILE`: the file goes to the core the way a face sends it (firmware.begin, chunk,
 * finish through the dispatcher), so the CLI's image is checked by the same rules before any rig sees it.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';

import { FIRMWARE_CHUNK_BYTES, type FirmwareFile } from '../../shared/firmware';
import { type Core } from '../core';
import { UsageError } from './args';
import { call } from './call';

export async function stageFirmware(core: Core, path: string): Promise<FirmwareFile> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`Cannot read the firmware file ${path}.`);
  }
  const { uploadId } = await call(core, 'firmware.begin', { name: basename(path), size });
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(FIRMWARE_CHUNK_BYTES);
    for (let offset = 0; offset < size;) {
      const n = readSync(fd, buf, 0, buf.length, offset);
      if (n === 0) throw new UsageError(`${path} got shorter while it was read.`);
      await call(core, 'firmware.chunk', { uploadId, offset, data: buf.subarray(0, n).toString('base64') });
      offset += n;
    }
  } finally {
    closeSync(fd);
  }
  return call(core, 'firmware.finish', { uploadId });
}

export type FirmwareFlags = {
  firmware?: string | undefined;
  'keep-settings'?: boolean | undefined;
  'no-keep-settings'?: boolean | undefined;
  canary?: string | undefined;
  wave?: string | undefined;
  'gate-minutes'?: string | undefined;
  'min-share'?: string | undefined;
};

function whole(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${flag} must be a whole number, not "${value}".`);
  return n;
}

/**
 * The firmware action's parameters but its fileId (known once the file is staged). With several rigs a
 * rollout always applies (its defaults unless given): a whole fleet is never flashed in one go.
 */
export function firmwareParams(f: FirmwareFlags, rigCount: number): Record<string, unknown> {
  if (f.firmware === undefined) throw new UsageError('firmware needs --firmware FILE.');
  if (f['keep-settings'] === true && f['no-keep-settings'] === true)
    throw new UsageError('Give --keep-settings or --no-keep-settings, not both.');
  const given = {
    canary: whole('canary', f.canary),
    waveSize: whole('wave', f.wave),
    gateMinutes: whole('gate-minutes', f['gate-minutes']),
    minSharePct: whole('min-share', f['min-share']),
  };
  const rollout = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const wanted = rigCount > 1 || Object.keys(rollout).length > 0;
  return { keepSettings: f['no-keep-settings'] !== true, rollout: wanted ? rollout : null };
}
