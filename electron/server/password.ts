import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

/** scrypt at N=2^15 costs ~50 ms here: cheap for one login, expensive for a password-guessing loop. */
const PARAMS = { N: 32768, r: 8, p: 1, keyLen: 64 };
export const AUTH_FILE = 'auth.json';
export const MIN_PASSWORD_LENGTH = 8;

const hashRecordSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string().min(16),
  hash: z.string().min(16),
});
export type PasswordRecord = z.infer<typeof hashRecordSchema>;

function derive(password: string, salt: Buffer, rec: Pick<PasswordRecord, 'N' | 'r' | 'p'>, keyLen: number) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password,
      salt,
      keyLen,
      { N: rec.N, r: rec.r, p: rec.p, maxmem: 256 * rec.N * rec.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<PasswordRecord> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS, PARAMS.keyLen);
  return {
    algorithm: 'scrypt',
    N: PARAMS.N,
    r: PARAMS.r,
    p: PARAMS.p,
    salt: salt.toString('base64'),
    hash: key.toString('base64'),
  };
}

export async function verifyPassword(password: string, record: PasswordRecord): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64');
  const key = await derive(password, Buffer.from(record.salt, 'base64'), record, expected.length);
  return timingSafeEqual(key, expected);
}

export function checkNewPassword(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.trim() !== password) return 'The password must not start or end with spaces.';
  return null;
}

/** Reads the stored hash. A damaged file is an error, never "no password": failing open would expose the farm. */
export function readPasswordRecord(dataDir: string): PasswordRecord | null {
  const file = join(dataDir, AUTH_FILE);
  if (!existsSync(file)) return null;
  const parsed = hashRecordSchema.safeParse(safeJson(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file} is damaged; run "npm run rigdeck -- passwd" to set the password again.`);
  }
  return parsed.data;
}

export function writePasswordRecord(dataDir: string, record: PasswordRecord): void {
  const file = join(dataDir, AUTH_FILE);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export function clearPasswordRecord(dataDir: string): void {
  rmSync(join(dataDir, AUTH_FILE), { force: true });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
