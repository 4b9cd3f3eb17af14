/**
 * Sending a picked file to the core the way the contract wants it (shared/firmware.ts): `firmware.begin`, then
 * base64 chunks of FIRMWARE_CHUNK_BYTES in order, then `firmware.finish`, which answers the core's verdict.
 */
import { FIRMWARE_CHUNK_BYTES, type FirmwareFile } from '../../shared/firmware';
import type { Client } from '../api/types';

/** Base64 of bytes without a string per byte: fromCharCode in slices keeps the argument list bounded. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export async function stageFile(
  client: Pick<Client, 'call'>,
  file: Blob & { name: string },
  onSent: (bytes: number) => void,
): Promise<FirmwareFile> {
  const { uploadId } = await client.call('firmware.begin', { name: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += FIRMWARE_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + FIRMWARE_CHUNK_BYTES).arrayBuffer());
    await client.call('firmware.chunk', { uploadId, offset, data: toBase64(bytes) });
    onSent(offset + bytes.length);
  }
  return client.call('firmware.finish', { uploadId });
}

export type RolloutForm = { canary: number; waveSize: number; gateMinutes: number; minSharePct: number };

export const DEFAULT_ROLLOUT: RolloutForm = { canary: 1, waveSize: 5, gateMinutes: 15, minSharePct: 80 };

/** What the confirmation says will happen, in words, before anything is sent. */
export function confirmText(file: FirmwareFile, rigs: number, keep: boolean, r: RolloutForm | null): string {
  const to = file.version === null ? file.name : `Vnish ${file.version}`;
  const what = `Upgrade ${rigs} rig${rigs === 1 ? '' : 's'} to ${to}. Each rig reboots and stops hashing for several minutes; its settings are ${keep ? 'kept' : 'reset to defaults'}.`;
  if (r === null) return what;
  const canary = Math.min(r.canary, rigs);
  return `${what} ${canary} canary rig${canary === 1 ? '' : 's'} first; the rest in waves of ${r.waveSize}, each only after the last is back and hashing at ${r.minSharePct} % of nominal within ${r.gateMinutes} min with no chain lost. A failed gate halts the rollout.`;
}

/** "12.5 MB", "840.2 kB": every number shows its unit, and a small image does not read as 0.0 MB. */
export function megabytes(bytes: number): string {
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
