/**
 * Firmware files on their way to rigs, kept under `<dataDir>/firmware/` (owner-only): a face sends a file in
 * chunks (`begin`, `chunk` in order, `finish`), the core hashes it as it comes, checks it (image.ts) and keeps it
 * only if it is sound. An upload left unfinished for `abandonAfterMs` is deleted, as are leftovers at start.
 */
import { createHash, type Hash, randomUUID } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

import { RpcError } from '../../../shared/errors';
import { type FirmwareFile, firmwareFileSchema } from '../../../shared/firmware';
import { type Cancel, type Clock } from '../../clock';
import { DEFAULT_IMAGE_RULES, type ImageRules, inspectImage } from './image';

export type StagingDeps = {
  dir: string;
  clock: Clock;
  rules?: ImageRules;
  /** An upload with no chunk for this long is dropped and its bytes deleted. */
  abandonAfterMs?: number;
  newId?: () => string;
};

export type FirmwareStaging = {
  begin(name: string, size: number): { uploadId: string };
  chunk(uploadId: string, offset: number, data: Buffer): { received: number };
  finish(uploadId: string): FirmwareFile;
  list(): FirmwareFile[];
  /** A staged (sound) file and where its bytes are; null when there is none by that id. */
  file(fileId: string): { file: FirmwareFile; path: string } | null;
  /** Drops uploads idle too long; run on a timer and before each begin. */
  sweep(): void;
  stop(): void;
};

type Upload = {
  id: string;
  name: string;
  size: number;
  received: number;
  hash: Hash;
  fd: number;
  part: string;
  lastMs: number;
};

const DEFAULT_ABANDON_MS = 10 * 60_000;
const ID = /^[A-Za-z0-9-]{1,64}$/;

const bad = (message: string) => new RpcError({ code: 'invalid_argument', message });
const noUpload = (id: string) =>
  new RpcError({
    code: 'not_found',
    message: `No firmware upload ${id} (finished, or dropped after a pause).`,
  });

/** A staged file's record, or null (no such file, or an id that could name a path outside the folder). */
function readRecord(dir: string, fileId: string): FirmwareFile | null {
  if (!ID.test(fileId)) return null;
  try {
    return firmwareFileSchema.parse(JSON.parse(readFileSync(join(dir, `${fileId}.json`), 'utf8')));
  } catch {
    return null;
  }
}

/** Checks the finished bytes; keeps them as `<id>.bin` + `<id>.json` only when sound, else deletes them. */
function settle(dir: string, u: Upload, rules: ImageRules, atMs: number): FirmwareFile {
  const verdict = inspectImage(readFileSync(u.part), rules);
  const file: FirmwareFile = {
    fileId: u.id,
    name: u.name,
    size: u.size,
    sha256: u.hash.digest('hex'),
    ok: verdict.ok,
    reason: verdict.reason,
    models: verdict.models,
    version: verdict.version,
    stagedAtMs: atMs,
  };
  if (!verdict.ok) {
    // A file that can never be sent is not kept: the verdict is the whole answer.
    rmSync(u.part, { force: true });
    return file;
  }
  renameSync(u.part, join(dir, `${u.id}.bin`));
  writeFileSync(join(dir, `${u.id}.json`), JSON.stringify(file), { mode: 0o600 });
  return file;
}

export function createFirmwareStaging(deps: StagingDeps): FirmwareStaging {
  const { dir, clock } = deps;
  const rules = deps.rules ?? DEFAULT_IMAGE_RULES;
  const abandonMs = deps.abandonAfterMs ?? DEFAULT_ABANDON_MS;
  const newId = deps.newId ?? randomUUID;
  const uploads = new Map<string, Upload>();
  let timer: Cancel | null = null;

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Parts a stopped RigDeck left behind can never be finished: nothing holds their upload any more.
  for (const name of readdirSync(dir)) if (name.endsWith('.part')) rmSync(join(dir, name), { force: true });

  const drop = (u: Upload): void => {
    uploads.delete(u.id);
    closeSync(u.fd);
    rmSync(u.part, { force: true });
  };

  function arm(): void {
    if (timer !== null || uploads.size === 0) return;
    timer = clock.after(abandonMs, () => {
      timer = null;
      sweep();
      arm();
    });
  }

  function sweep(): void {
    const now = clock.now();
    for (const u of [...uploads.values()]) if (now - u.lastMs >= abandonMs) drop(u);
  }

  function upload(id: string): Upload {
    const u = uploads.get(id);
    if (u === undefined) throw noUpload(id);
    return u;
  }

  return {
    begin(name, size) {
      sweep();
      if (size > rules.maxBytes)
        throw bad(`The file is larger than ${rules.maxBytes} bytes: not a firmware image.`);
      const id = newId();
      const part = join(dir, `${id}.part`);
      const fd = openSync(part, 'wx', 0o600);
      uploads.set(id, {
        id,
        name,
        size,
        received: 0,
        hash: createHash('sha256'),
        fd,
        part,
        lastMs: clock.now(),
      });
      arm();
      return { uploadId: id };
    },
    chunk(uploadId, offset, data) {
      const u = upload(uploadId);
      if (offset !== u.received)
        throw bad(`Chunk at byte ${offset}, expected byte ${u.received}: send in order.`);
      if (u.received + data.length > u.size) throw bad(`More bytes than the ${u.size} announced.`);
      writeSync(u.fd, data);
      u.hash.update(data);
      u.received += data.length;
      u.lastMs = clock.now();
      return { received: u.received };
    },
    finish(uploadId) {
      const u = upload(uploadId);
      if (u.received !== u.size)
        throw bad(`Only ${u.received} of ${u.size} bytes arrived; send the rest first.`);
      uploads.delete(u.id);
      closeSync(u.fd);
      return settle(dir, u, rules, clock.now());
    },
    list() {
      const files = readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .map((n) => readRecord(dir, n.slice(0, -'.json'.length)))
        .filter((f): f is FirmwareFile => f !== null);
      return files.sort((a, b) => b.stagedAtMs - a.stagedAtMs);
    },
    file(fileId) {
      const file = readRecord(dir, fileId);
      return file === null || !file.ok ? null : { file, path: join(dir, `${fileId}.bin`) };
    },
    sweep,
    stop() {
      timer?.();
      timer = null;
      for (const u of [...uploads.values()]) drop(u);
    },
  };
}
