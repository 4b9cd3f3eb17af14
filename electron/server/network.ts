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

/** The name in a Host header, lower-case, without port, brackets or a trailing dot; null if there is none. */
export function hostName(header: string | undefined): string | null {
  if (header === undefined) return null;
  const h = header.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']')) : h.replace(/:\d*$/, '');
  const bare = name.replace(/\.$/, '');
  return bare === '' ? null : bare;
}

export type ServedHosts = {
  /** The address given with --host (may be a wildcard such as 0.0.0.0, which no browser sends). */
  listenHost: string;
  /** Names given with --allow-host. */
  allowed: readonly string[];
};

/**
 * DNS rebinding: a page from evil.example whose name is re-pointed at this machine is "same origin" with us, so
 * the Origin check cannot catch it, but its requests still carry `Host: evil.example`. We answer only to Host
 * names we serve: loopback, the listen address, the address this connection actually reached, and the names the
 * operator allowed. An IP literal cannot be rebound, so naming the address the request arrived on is safe.
 */
export function isServedHost(
  header: string | undefined,
  localAddress: string | undefined,
  served: ServedHosts,
) {
  const name = hostName(header);
  if (name === null) return false;
  if (isLoopbackHost(name)) return true;
  if (name === served.listenHost.toLowerCase()) return true;
  if (localAddress !== undefined && isIP(name) !== 0 && name === unmapped(localAddress)) return true;
  return served.allowed.some((a) => hostName(a) === name);
}

function unmapped(address: string): string {
  const a = address.toLowerCase();
  return a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}
