// The Abacus.AI fake (docs/abacus.md): getApiEndpoint, appendData/appendMultipleData (streaming token),
// predict/predictMultiple (deployment token), the {success, result, error, errorType, requestId}
// envelope, documented auth failures, and 429 past a configured calls-per-second rate.
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Rng, randomHex } from '../util/random';
import { type FarmService } from '../farm/services';
import { closeServer, jsonServer, listenLoopback, readJson, sendJson, sendText } from '../farm/http-json';
import { type AbacusInfo } from '../farm/types';
import { scoreRig } from './model';

export type AbacusOptions = { port: number; rng: Rng; ratePerSec: number; now(): number };

/** Trouble on demand, for tests of RigDeck's client (docs/abacus.md §9): each applies to every method. */
export type AbacusFaults = {
  /** The next `count` calls answer 429 with this Retry-After in seconds (null: no header). */
  rateLimit(count: number, retryAfterSec: number | null): void;
  /** Every call answers this 5xx until `outage(null)`. */
  outage(status: number | null): void;
  /** The next `count` calls answer 200 with a body that is not JSON, not the envelope, or a result of the wrong shape. */
  malformed(count: number, how: 'not-json' | 'no-envelope' | 'bad-result'): void;
  /** Every reply waits this long first (0: none). */
  slow(ms: number): void;
};

type Fail = { status: number; errorType: string; error: string; retryAfterSec?: number };

export async function startAbacus(o: AbacusOptions): Promise<{
  info: AbacusInfo;
  service: FarmService;
  rows: unknown[];
  /** Every call's method name, in order (getApiEndpoint included). */
  calls: string[];
  faults: AbacusFaults;
}> {
  const r = o.rng;
  const creds = {
    apiKey: `s2_${randomHex(r, 32)}`,
    deploymentId: randomHex(r, 10),
    deploymentToken: randomHex(r, 32),
    featureGroupId: randomHex(r, 10),
    streamingToken: randomHex(r, 32),
  };
  const rows: unknown[] = [];
  const calls: string[] = [];
  const trouble = {
    limited: 0,
    retryAfterSec: null as number | null,
    outage: null as number | null,
    bad: 0,
    how: 'not-json',
    slowMs: 0,
  };
  const faults: AbacusFaults = {
    rateLimit(count, retryAfterSec) {
      trouble.limited = count;
      trouble.retryAfterSec = retryAfterSec;
    },
    outage(status) {
      trouble.outage = status;
    },
    malformed(count, how) {
      trouble.bad = count;
      trouble.how = how;
    },
    slow(ms) {
      trouble.slowMs = ms;
    },
  };
  let nextRequest = 1;
  // One token bucket per credential: the deployment's callsPerSecond (docs/abacus.md §6, default 5).
  const buckets = new Map<string, { tokens: number; at: number }>();
  const allow = (key: string): boolean => {
    const now = o.now();
    const b = buckets.get(key) ?? { tokens: o.ratePerSec, at: now };
    b.tokens = Math.min(o.ratePerSec, b.tokens + ((now - b.at) / 1000) * o.ratePerSec);
    b.at = now;
    buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
  let url = '';

  const reply = (res: ServerResponse, result: unknown, fail?: Fail, retryAfterSec?: number): void => {
    const requestId = `req_${(nextRequest++).toString(16).padStart(8, '0')}`;
    const headers: Record<string, string> = { 'x-request-id': requestId };
    const retryAfter = retryAfterSec ?? fail?.retryAfterSec;
    if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
    if (fail)
      sendJson(
        res,
        fail.status,
        { success: false, error: fail.error, errorType: fail.errorType, requestId },
        headers,
      );
    else sendJson(res, 200, { success: true, result, requestId }, headers);
  };
  const missing = (name: string): Fail => ({
    status: 400,
    errorType: 'MissingParameterError',
    error: `Missing required parameter: ${name}`,
  });
  const denied = (what: string): Fail => ({
    status: 403,
    errorType: 'PermissionDeniedError',
    error: `Invalid ${what}`,
  });
  const notFound = (what: string): Fail => ({
    status: 404,
    errorType: 'DataNotFoundError',
    error: `${what} not found`,
  });
  const tooMany: Fail = {
    status: 429,
    errorType: 'TooManyRequestsError',
    error: 'Please slow down your API requests',
  };

  // The real service's Retry-After is not documented; the fake sends one so clients can show they honour it.
  const tooManyNow = (): Fail & { retryAfterSec: number } => ({
    ...tooMany,
    retryAfterSec: Math.max(1, Math.ceil(1 / o.ratePerSec)),
  });
  const checkDeployment = (q: URLSearchParams): Fail | null => {
    const id = q.get('deploymentId');
    const token = q.get('deploymentToken');
    if (!token) return missing('deploymentToken');
    if (!id) return missing('deploymentId');
    if (token !== creds.deploymentToken) return denied('deployment token');
    if (id !== creds.deploymentId) return notFound(`Deployment ${id}`);
    return allow(`d:${token}`) ? null : tooManyNow();
  };
  const checkStreaming = (q: URLSearchParams, fg: unknown): Fail | null => {
    const token = q.get('streamingToken');
    if (!token) return missing('streamingToken');
    if (token !== creds.streamingToken) return denied('streaming token');
    if (typeof fg !== 'string' || fg === '') return missing('featureGroupId');
    if (fg !== creds.featureGroupId) return notFound(`Feature group ${fg}`);
    return allow(`s:${token}`) ? null : tooManyNow();
  };

  /** Answers with the fault asked for, if any; true when it did. */
  const injected = (res: ServerResponse): boolean => {
    if (trouble.outage !== null) {
      reply(res, null, {
        status: trouble.outage,
        errorType: 'InternalServerError',
        error: 'Service unavailable',
      });
      return true;
    }
    if (trouble.limited > 0) {
      trouble.limited--;
      reply(res, null, tooMany, trouble.retryAfterSec ?? undefined);
      return true;
    }
    if (trouble.bad > 0) {
      trouble.bad--;
      if (trouble.how === 'not-json') sendText(res, 200, '<html>upstream error</html>', 'text/html');
      else if (trouble.how === 'no-envelope') sendJson(res, 200, { data: 'something else' });
      else reply(res, 'not a list of predictions');
      return true;
    }
    return false;
  };

  const handle = async (req: IncomingMessage, u: URL, res: ServerResponse): Promise<void> => {
    // Both /api/v0/{method} (Python client) and /api/{method} (JS SDK) are accepted (docs/abacus.md §1).
    const m = /^\/api\/(?:v0\/)?([A-Za-z]+)$/.exec(u.pathname);
    if (!m) return reply(res, null, { status: 404, errorType: 'Generic404Error', error: 'Not found' });
    const method = m[1] ?? '';
    calls.push(method);
    if (trouble.slowMs > 0) await new Promise((r) => setTimeout(r, trouble.slowMs));
    if (injected(res)) return;
    const q = u.searchParams;
    const verb = req.method ?? 'GET';
    let body: Record<string, unknown> = {};
    if (verb === 'POST') {
      try {
        const parsed = await readJson(req);
        if (
          parsed !== undefined &&
          (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        ) {
          return reply(res, null, {
            status: 400,
            errorType: 'InvalidRequest',
            error: 'Body must be a JSON object',
          });
        }
        body = (parsed ?? {}) as Record<string, unknown>;
      } catch {
        return reply(res, null, { status: 400, errorType: 'InvalidRequest', error: 'Malformed JSON body' });
      }
    }
    const post = (): Fail | null =>
      verb === 'POST' ? null : { status: 405, errorType: 'MethodNotAllowed', error: `${method} needs POST` };
    switch (method) {
      case 'getApiEndpoint': {
        const key = req.headers['apikey'];
        const viaKey = typeof key === 'string' && key === creds.apiKey;
        const viaDeployment =
          q.get('deploymentToken') === creds.deploymentToken && q.get('deploymentId') === creds.deploymentId;
        const viaStreaming = q.get('streamingToken') === creds.streamingToken;
        if (typeof key === 'string' && !viaKey) return reply(res, null, denied('API key'));
        if (!viaKey && !viaDeployment && !viaStreaming) {
          if (!q.get('deploymentToken') && !q.get('streamingToken'))
            return reply(res, null, missing('deploymentToken'));
          return reply(res, null, denied(q.get('deploymentToken') ? 'deployment token' : 'streaming token'));
        }
        return reply(res, {
          apiEndpoint: url,
          predictEndpoint: url,
          proxyEndpoint: url,
          llmEndpoint: url,
          externalChatEndpoint: url,
          dashboardEndpoint: url,
          hostingDomain: '127.0.0.1',
          publicHostingDomain: '127.0.0.1',
        });
      }
      case 'appendData':
      case 'appendMultipleData': {
        const bad = post() ?? checkStreaming(q, body['featureGroupId'] ?? q.get('featureGroupId'));
        if (bad) return reply(res, null, bad);
        const data = body['data'];
        const many = method === 'appendMultipleData';
        if (many ? !Array.isArray(data) : typeof data !== 'object' || data === null || Array.isArray(data)) {
          return reply(res, null, {
            status: 400,
            errorType: 'InvalidParameterError',
            error: many ? 'data must be a list of rows' : 'data must be an object',
          });
        }
        for (const row of many ? (data as unknown[]) : [data]) rows.push(row);
        if (rows.length > 10_000) rows.splice(0, rows.length - 10_000);
        return reply(res, null);
      }
      case 'predict':
      case 'predictMultiple': {
        const bad = post() ?? checkDeployment(q);
        if (bad) return reply(res, null, bad);
        const query = body['queryData'];
        if (method === 'predict') {
          if (typeof query !== 'object' || query === null || Array.isArray(query))
            return reply(res, null, missing('queryData'));
          return reply(res, scoreRig(query as Record<string, unknown>));
        }
        if (!Array.isArray(query))
          return reply(res, null, {
            status: 400,
            errorType: 'InvalidParameterError',
            error: 'queryData must be a list',
          });
        return reply(
          res,
          query.map((row) =>
            scoreRig(typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {}),
          ),
        );
      }
      case 'getRecentFeatureGroupStreamedData': {
        if (req.headers['apikey'] !== creds.apiKey) return reply(res, null, denied('API key'));
        if (q.get('featureGroupId') !== creds.featureGroupId)
          return reply(res, null, notFound('Feature group'));
        return reply(res, rows.slice(-100));
      }
      default:
        return reply(res, null, {
          status: 404,
          errorType: 'Generic404Error',
          error: `Unknown method ${method}`,
        });
    }
  };

  const server = jsonServer(handle);
  url = await listenLoopback(server, o.port);
  return {
    info: { url, ...creds },
    service: { tick: () => undefined, close: () => closeServer(server) },
    rows,
    calls,
    faults,
  };
}
