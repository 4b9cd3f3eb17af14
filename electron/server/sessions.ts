import { randomBytes } from 'node:crypto';

/**
 * Session tokens let a browser tab reconnect (server restart, Wi-Fi blip) without asking the technician for the
 * password again. They live in memory only: restarting the server logs everyone out, which is the safe default.
 */
export type Sessions = {
  issue(now: number): string;
  valid(token: string, now: number): boolean;
  revoke(token: string): void;
};

export function createSessions(ttlMs = 12 * 3600_000, maxSessions = 1000): Sessions {
  const expiry = new Map<string, number>();
  return {
    issue(now) {
      const token = randomBytes(32).toString('base64url');
      expiry.set(token, now + ttlMs);
      // Oldest first (Map keeps insertion order): a flood of logins evicts old sessions, never grows memory.
      for (const t of expiry.keys()) {
        if (expiry.size <= maxSessions) break;
        expiry.delete(t);
      }
      return token;
    },
    valid(token, now) {
      const until = expiry.get(token);
      if (until === undefined) return false;
      if (until <= now) {
        expiry.delete(token);
        return false;
      }
      return true;
    },
    revoke(token) {
      expiry.delete(token);
    },
  };
}
