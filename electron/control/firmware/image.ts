/**
 * Whether a file can be a Vnish image for our rigs, decided before any rig sees a byte (docs/vnish.md §12).
 * What a real image holds is not documented: the rules below are what the virtual farm's miners accept (a
 * gzipped tar with a `manifest.json` naming the version and the model), kept lenient where that is inferred
 * (an image without a manifest passes unless `requireManifest`), and passed in so they can be changed.
 * Pure: the bytes in, a verdict out.
 */
import { gunzipSync } from 'node:zlib';

import { FIRMWARE_MAX_BYTES } from '../../../shared/firmware';
import { walkTar } from './tar';

export const imageFormats = ['tar.gz', 'tar'] as const;
export type ImageFormat = (typeof imageFormats)[number];

export type ImageRules = {
  maxBytes: number;
  /** Archive kinds accepted. Vnish's own update form takes gzipped tar (INFERRED from the virtual miner). */
  formats: readonly ImageFormat[];
  /** Entry names read as the manifest, first found wins. */
  manifestNames: readonly string[];
  /** Refuse an image that does not say what it is. Off: real images' contents are a GAP. */
  requireManifest: boolean;
  /** Versions RigDeck can read back after the upgrade (the 1.2 and 1.3 API families, docs/vnish.md §3.6). */
  versions: RegExp;
  /** Largest unpacked size read; a gzip bomb is refused, not unpacked. */
  maxUnpackedBytes: number;
};

export const DEFAULT_IMAGE_RULES: ImageRules = {
  maxBytes: FIRMWARE_MAX_BYTES,
  formats: ['tar.gz'],
  manifestNames: ['manifest.json'],
  requireManifest: false,
  versions: /^1\.[23]\.\d+/,
  maxUnpackedBytes: 4 * FIRMWARE_MAX_BYTES,
};

export type ImageVerdict = {
  ok: boolean;
  /** Null when ok. */
  reason: string | null;
  format: ImageFormat | null;
  /** The model codes the image says it is for, lower case ("l7"); empty when it does not say. */
  models: string[];
  version: string | null;
};

/** A model name as Vnish codes it: "Antminer L3+" and "l3+" are the same rig (docs/vnish.md §1). */
export function modelCode(name: string): string {
  return name
    .toLowerCase()
    .replace(/^antminer\s*/, '')
    .replace(/\s+/g, '');
}

const refuse = (reason: string, found: Partial<ImageVerdict> = {}): ImageVerdict => ({
  ok: false,
  reason,
  format: null,
  models: [],
  version: null,
  ...found,
});

function sniff(bytes: Uint8Array): ImageFormat | 'zip' | null {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'tar.gz';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const magic = String.fromCharCode(...bytes.subarray(257, 262));
  return magic === 'ustar' ? 'tar' : null;
}

function unpack(bytes: Uint8Array, format: ImageFormat, rules: ImageRules): Uint8Array | string {
  if (format === 'tar') return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: rules.maxUnpackedBytes });
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'Z_BUF_ERROR') return 'truncated (the compressed data ends early)';
    if (code === 'ERR_BUFFER_TOO_LARGE') return `unpacks to more than ${rules.maxUnpackedBytes} bytes`;
    return 'a damaged gzip archive (its data does not decompress)';
  }
}

type Manifest = { models: string[]; version: string | null };

function readManifest(bytes: Uint8Array): Manifest | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return 'its manifest is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'its manifest is not an object';
  const m = value as Record<string, unknown>;
  const named = [m['model'], m['models']].flat().filter((x): x is string => typeof x === 'string');
  const version = typeof m['fw_version'] === 'string' ? m['fw_version'] : null;
  return { models: [...new Set(named.map(modelCode))].filter(Boolean), version };
}

export function inspectImage(bytes: Uint8Array, rules: ImageRules = DEFAULT_IMAGE_RULES): ImageVerdict {
  if (bytes.length === 0) return refuse('the file is empty');
  if (bytes.length > rules.maxBytes) return refuse(`larger than ${rules.maxBytes} bytes`);
  const kind = sniff(bytes);
  if (kind === null || kind === 'zip' || !rules.formats.includes(kind)) {
    const what = kind === null ? 'not an archive' : `a ${kind} archive`;
    return refuse(`${what}; a Vnish image is a ${rules.formats.join(' or ')} file`);
  }
  const tar = unpack(bytes, kind, rules);
  if (typeof tar === 'string') return refuse(tar, { format: kind });
  const walk = walkTar(tar, (name) => rules.manifestNames.includes(name));
  if (!walk.ok) return refuse(walk.reason, { format: kind });
  const found = rules.manifestNames.map((n) => walk.files.get(n)).find((b) => b !== undefined);
  if (found === undefined) {
    if (rules.requireManifest)
      return refuse('it has no manifest saying which model it is for', { format: kind });
    return { ok: true, reason: null, format: kind, models: [], version: null };
  }
  const manifest = readManifest(found);
  if (typeof manifest === 'string') return refuse(manifest, { format: kind });
  const seen = { format: kind, ...manifest };
  if (manifest.version !== null && !rules.versions.test(manifest.version))
    return refuse(`version ${manifest.version} is not one RigDeck can manage`, seen);
  return { ok: true, reason: null, ...seen };
}

/** Null when the image may go to a rig of this model; else why not. Unknown model: never sent. */
export function modelRefusal(imageModels: readonly string[], rigModel: string | null): string | null {
  if (rigModel === null || rigModel.trim() === '') return "the rig's model is not known yet";
  if (imageModels.length === 0) return null;
  const code = modelCode(rigModel);
  if (imageModels.includes(code)) return null;
  return `the image is for ${imageModels.join(', ')}, not ${code}`;
}
