import { isLoopbackHost } from './network';
import type { PasswordRecord } from './password';

/**
 * Who may use the server right now. Decided per connection and per login from the password file as it is now,
 * so the rule "no password, no network" holds for the server's whole life: clearing the password of a server
 * listening beyond loopback locks it (every new connection and login refused) until a password is set again;
 * it never opens it.
 */
export type Access =
  { kind: 'open' } | { kind: 'password'; record: PasswordRecord } | { kind: 'locked'; reason: string };

export const LOCKED_REASON =
  'This server listens beyond loopback and has no password; set one with "npm run rigdeck -- passwd".';

export function accessFor(listenHost: string, record: PasswordRecord | null): Access {
  if (record !== null) return { kind: 'password', record };
  if (isLoopbackHost(listenHost)) return { kind: 'open' };
  return { kind: 'locked', reason: LOCKED_REASON };
}
