// @vitest-environment node
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { KEY_FILE, keyFileCipher } from '../../../../electron/secrets/key-file-cipher';
import { SECRETS_FILE, openVault } from '../../../../electron/secrets/vault';
import { quietLog, tempDir } from '../../../helpers/core';

describe('vault with the key-file cipher', () => {
  it('stores secrets sealed, owner-only, and reads them back after reopening', () => {
    const dir = tempDir();
    const vault = openVault(dir, keyFileCipher(dir), quietLog);
    vault.set('miner-password:default', 'hunter2-farm');
    const onDisk = readFileSync(join(dir, SECRETS_FILE), 'utf8');
    expect(onDisk).not.toContain('hunter2-farm');
    expect(statSync(join(dir, SECRETS_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = openVault(dir, keyFileCipher(dir), quietLog);
    expect(again.get('miner-password:default')).toBe('hunter2-farm');
    again.delete('miner-password:default');
    expect(openVault(dir, keyFileCipher(dir), quietLog).has('miner-password:default')).toBe(false);
  });

  it('detects tampering: a modified ciphertext reads as unset, not as garbage', () => {
    const dir = tempDir();
    const vault = openVault(dir, keyFileCipher(dir), quietLog);
    vault.set('k', 'secret-value');
    const file = join(dir, SECRETS_FILE);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, string> };
    const sealed = data.entries.k ?? '';
    data.entries.k = `${sealed.slice(0, -4)}AAAA`;
    writeFileSync(file, JSON.stringify(data));
    expect(openVault(dir, keyFileCipher(dir), quietLog).get('k')).toBeNull();
  });

  it('keeps a file sealed by another cipher aside instead of destroying it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, SECRETS_FILE), JSON.stringify({ cipher: 'safe-storage', entries: { k: 'xyz' } }));
    const vault = openVault(dir, keyFileCipher(dir), quietLog);
    expect(vault.names()).toEqual([]);
    expect(readdirSync(dir).some((f) => f.startsWith(`${SECRETS_FILE}.unreadable-`))).toBe(true);
  });
});
