// Vnish login (docs/vnish.md §2): POST /unlock {pw} -> opaque 32-char token; the token is accepted as
// `Authorization: Bearer T` or a raw `Authorization: T`, and API keys as `x-api-key`. Repeated wrong
// passwords get 403, then 429. Token TTL is a GAP: off unless a scenario sets one.
import { type Rng, randomAlnum } from '../util/random';

export type AuthPolicy = {
  /** Token lifetime in seconds; 0 = never expires. */
  tokenTtlSec: number;
  /** Wrong passwords allowed inside the window before /unlock answers 429. */
  maxBadPasswords: number;
  badPasswordWindowSec: number;
};

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  tokenTtlSec: 0,
  maxBadPasswords: 3,
  badPasswordWindowSec: 60,
};

export type AuthState = {
  tokens: Map<string, number>; // token -> issued at (sim ms)
  badAttempts: number[]; // sim ms of recent wrong passwords
};

export function newAuthState(): AuthState {
  return { tokens: new Map(), badAttempts: [] };
}

export type Credential =
  { kind: 'token'; token: string; bearer: boolean } | { kind: 'apikey'; key: string } | null;

export function readCredential(headers: Record<string, string | string[] | undefined>): Credential {
  const key = headers['x-api-key'];
  if (typeof key === 'string' && key !== '') return { kind: 'apikey', key };
  const auth = headers['authorization'];
  if (typeof auth !== 'string' || auth.trim() === '') return null;
  const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
  return m?.[1]
    ? { kind: 'token', token: m[1].trim(), bearer: true }
    : { kind: 'token', token: auth.trim(), bearer: false };
}

export function tokenValid(state: AuthState, policy: AuthPolicy, token: string, now: number): boolean {
  const issued = state.tokens.get(token);
  if (issued === undefined) return false;
  if (policy.tokenTtlSec > 0 && now - issued > policy.tokenTtlSec * 1000) {
    state.tokens.delete(token);
    return false;
  }
  return true;
}

export function isAuthorized(
  state: AuthState,
  policy: AuthPolicy,
  cred: Credential,
  apiKeys: ReadonlyArray<{ key: string }>,
  now: number,
): boolean {
  if (!cred) return false;
  if (cred.kind === 'apikey') return apiKeys.some((k) => k.key === cred.key);
  return tokenValid(state, policy, cred.token, now);
}

/** Seconds left before the token expires, or null when tokens do not expire. */
export function unlockTimeout(
  state: AuthState,
  policy: AuthPolicy,
  cred: Credential,
  now: number,
): number | null {
  if (policy.tokenTtlSec <= 0 || !cred || cred.kind !== 'token') return null;
  const issued = state.tokens.get(cred.token);
  if (issued === undefined) return null;
  return Math.max(0, Math.round(policy.tokenTtlSec - (now - issued) / 1000));
}

export type UnlockResult =
  { kind: 'ok'; token: string } | { kind: 'wrong' } | { kind: 'throttled'; retryAfterSec: number };

export function unlock(
  state: AuthState,
  policy: AuthPolicy,
  password: string,
  given: string,
  now: number,
  rng: Rng,
): UnlockResult {
  const windowMs = policy.badPasswordWindowSec * 1000;
  state.badAttempts = state.badAttempts.filter((t) => now - t < windowMs);
  if (state.badAttempts.length >= policy.maxBadPasswords) {
    const oldest = state.badAttempts[0] ?? now;
    return { kind: 'throttled', retryAfterSec: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
  }
  if (given !== password) {
    state.badAttempts.push(now);
    return { kind: 'wrong' };
  }
  const token = randomAlnum(rng, 32);
  state.tokens.set(token, now);
  return { kind: 'ok', token };
}
