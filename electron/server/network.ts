import { isIP } from 'node:net';

/** True for addresses only this machine can reach. Anything else needs a password before the server will start. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/**
 * A browser always sends Origin on a WebSocket handshake; a page from another site must not drive our API with
 * the technician's session (cross-site WebSocket hijacking). Same origin as the Host header, or an explicitly
 * allowed origin, passes. No Origin at all means a non-browser client (CLI, tests), which the password guards.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (allowed.includes(parsed.origin)) return true;
  return host !== undefined && parsed.host === host.toLowerCase();
}
