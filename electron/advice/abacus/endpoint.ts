/**
 * Endpoint discovery (docs/abacus.md §3): ask `getApiEndpoint` once per credential pair which host serves it,
 * cache the answer, and fall back to the configured server when it cannot say. A timeout, an outage or a 429 is
 * not an answer: that call fails as a whole and discovery is tried again with the next one.
 */
import { type CallResult, type HttpDeps, callAbacus } from './http';

export type EndpointKey = { base: string; query: Record<string, string>; timeoutMs: number };

export type Endpoints = {
  resolve(
    key: EndpointKey,
    secrets: readonly string[],
  ): Promise<{ ok: true; base: string } | Extract<CallResult, { ok: false }>>;
  clear(): void;
};

const httpUrl = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:' ? v.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
};

export function createEndpoints(http: HttpDeps): Endpoints {
  const cache = new Map<string, string>();
  return {
    async resolve(key, secrets) {
      const id = JSON.stringify([key.base, key.query]);
      const hit = cache.get(id);
      if (hit) return { ok: true, base: hit };
      const r = await callAbacus(
        { base: key.base, method: 'getApiEndpoint', verb: 'GET', query: key.query, timeoutMs: key.timeoutMs },
        http,
        secrets,
      );
      if (!r.ok && (r.failure.kind === 'unavailable' || r.failure.kind === 'rate-limited')) return r;
      const found =
        r.ok && typeof r.result === 'object' && r.result !== null
          ? httpUrl((r.result as { predictEndpoint?: unknown }).predictEndpoint)
          : null;
      const base = found ?? key.base.replace(/\/+$/, '');
      cache.set(id, base);
      return { ok: true, base };
    },
    clear: () => cache.clear(),
  };
}
