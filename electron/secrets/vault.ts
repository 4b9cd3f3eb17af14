import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import type { Cipher } from './cipher';

export const SECRETS_FILE = 'secrets.json';

const fileSchema = z.object({ cipher: z.string(), entries: z.record(z.string(), z.string()) });

/** Named secrets (miner passwords, API keys), sealed by a Cipher and written atomically with owner-only access. */
export type Vault = {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  has(name: string): boolean;
  names(): string[];
};

export function openVault(dataDir: string, cipher: Cipher, log: Pick<Console, 'warn'>): Vault {
  const file = join(dataDir, SECRETS_FILE);
  let entries: Record<string, string> = {};
  if (existsSync(file)) {
    const parsed = fileSchema.safeParse(safeJson(readFileSync(file, 'utf8')));
    if (parsed.success && parsed.data.cipher === cipher.kind) {
      entries = parsed.data.entries;
    } else {
      // Sealed by another cipher (say, the desktop keychain) or damaged: keep it for recovery, start empty.
      const aside = `${file}.unreadable-${Date.now()}`;
      renameSync(file, aside);
      log.warn(
        `[rigdeck] ${file} could not be read with this face's key; kept as ${aside}. Re-enter miner passwords.`,
      );
    }
  }
  const save = () => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ cipher: cipher.kind, entries }, null, 2)}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  };
  return {
    get(name) {
      const sealed = entries[name];
      if (sealed === undefined) return null;
      try {
        return cipher.decrypt(sealed);
      } catch {
        log.warn(`[rigdeck] secret "${name}" could not be decrypted; treating it as unset`);
        return null;
      }
    },
    set(name, value) {
      entries = { ...entries, [name]: cipher.encrypt(value) };
      save();
    },
    delete(name) {
      if (!(name in entries)) return;
      const { [name]: _gone, ...rest } = entries;
      entries = rest;
      save();
    },
    has: (name) => Object.hasOwn(entries, name),
    names: () => Object.keys(entries),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
