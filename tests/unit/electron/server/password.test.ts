// @vitest-environment node
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  AUTH_FILE,
  checkNewPassword,
  hashPassword,
  readPasswordRecord,
  verifyPassword,
  writePasswordRecord,
} from '../../../../electron/server/password';

describe('password', () => {
  it('stores a salted scrypt hash, owner-only, that verifies the right password and no other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rigdeck-pw-'));
    const rec = await hashPassword('correct horse');
    writePasswordRecord(dir, rec);
    expect(statSync(join(dir, AUTH_FILE)).mode & 0o777).toBe(0o600);
    const back = readPasswordRecord(dir);
    expect(back).toEqual(rec);
    expect(back && (await verifyPassword('correct horse', back))).toBe(true);
    expect(back && (await verifyPassword('correct hors', back))).toBe(false);
    expect(JSON.stringify(back)).not.toContain('correct horse');
  });

  it('salts: the same password hashes differently twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);
    expect(a.hash).not.toBe(b.hash);
  });

  it('treats a missing file as no password, and a damaged one as an error (never fail open)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rigdeck-pw-'));
    expect(readPasswordRecord(dir)).toBeNull();
    writeFileSync(join(dir, AUTH_FILE), '{"algorithm":"md5"}');
    expect(() => readPasswordRecord(dir)).toThrow(/damaged/);
  });

  it('refuses short passwords and ones padded with spaces', () => {
    expect(checkNewPassword('short')).toMatch(/at least/);
    expect(checkNewPassword(' padded-password ')).toMatch(/spaces/);
    expect(checkNewPassword('long-enough')).toBeNull();
  });
});
