/**
 * What the streaming and prediction rounds share: the settings, the tokens, the guard (rate limit, breaker,
 * last error), endpoint discovery, and one call helper that resolves the host then calls it.
 */
import type { AbacusOperation } from '../../../shared/abacus';
import type { AbacusSettings } from '../../../shared/abacus-settings';
import type { RigSnapshot } from '../../../shared/rig';
import type { RigLive } from '../../../shared/telemetry';
import type { Clock } from '../../clock';
import type { Logger } from '../../contract/dispatch';
import { type Endpoints, createEndpoints } from './endpoint';
import { type Guard, type Guarded, createGuard } from './guard';
import { type HttpDeps, callAbacus } from './http';
import type { AbacusQueue } from './queue';
import type { AbacusTokens } from './tokens';

export type FeatureSource = { live(): RigLive[]; snapshot(rigId: string): RigSnapshot | null };

export type AbacusDeps = {
  queue: AbacusQueue;
  tokens: AbacusTokens;
  settings: () => AbacusSettings;
  source: FeatureSource;
  clock: Clock;
  log: Pick<Logger, 'warn' | 'info'>;
  fetch?: typeof fetch;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export type AbacusContext = {
  deps: AbacusDeps;
  guard: Guard;
  endpoints: Endpoints;
  /**
   * One guarded call: `auth` (the token and id) goes to discovery and the call's query, `extra` to the call only.
   */
  call(
    op: AbacusOperation,
    method: string,
    auth: Record<string, string>,
    body: unknown,
    extra?: Record<string, string>,
  ): Promise<Guarded>;
};

export function createContext(deps: AbacusDeps): AbacusContext {
  const http: HttpDeps = { fetch: deps.fetch ?? fetch, now: deps.clock.now };
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => deps.clock.after(ms, r)));
  const guard = createGuard({
    clock: deps.clock,
    random: deps.random ?? Math.random,
    log: deps.log,
    sleep,
    callsPerSecond: () => deps.settings().callsPerSecond,
    breaker: () => {
      const s = deps.settings();
      const cooldownMs = s.breakerCooldownSec * 1000;
      return { threshold: s.breakerFailures, cooldownMs, maxCooldownMs: Math.max(cooldownMs, 15 * 60_000) };
    },
  });
  const endpoints = createEndpoints(http);
  const secrets = () => [deps.tokens.deployment(), deps.tokens.streaming()].filter((t): t is string => !!t);
  return {
    deps,
    guard,
    endpoints,
    call: (op, method, auth, body, extra = {}) =>
      guard.run(op, async () => {
        const s = deps.settings();
        const timeoutMs = s.timeoutSec * 1000;
        const ep = await endpoints.resolve({ base: s.baseUrl, query: auth, timeoutMs }, secrets());
        if (!ep.ok) return ep;
        const query = { ...auth, ...extra };
        return callAbacus({ base: ep.base, method, query, body, timeoutMs }, http, secrets());
      }),
  };
}
