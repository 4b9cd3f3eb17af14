import { type Issue, type RpcErrorShape, rpcErrorCodes } from '../../shared/rpc-error';
import type { ServerMessage } from '../../shared/wire';

/**
 * The headless face's messages, checked by hand with the rules of `serverMessageSchema` (shared/wire.ts): the same
 * messages pass, with the same fields kept. A property test holds the two equal; change both together. Hand-written
 * because zod and the contract's schemas would otherwise be a third of the browser's first load
 * (renderer_bundle_gzip_kb) and parse every reply on the way to the first rows.
 */
export function readServerMessage(json: unknown): ServerMessage | null {
  if (!isRecord(json)) return null;
  switch (json.type) {
    case 'hello':
      return (json.auth === 'required' || json.auth === 'none') && typeof json.version === 'string'
        ? { type: 'hello', auth: json.auth, version: json.version }
        : null;
    case 'result':
      return isId(json.id) && 'result' in json ? { type: 'result', id: json.id, result: json.result } : null;
    case 'error': {
      const error = readError(json.error);
      return error && (json.id === null || isId(json.id)) ? { type: 'error', id: json.id, error } : null;
    }
    case 'event':
      return typeof json.event === 'string' && 'payload' in json
        ? { type: 'event', event: json.event, payload: json.payload }
        : null;
    case 'login.ok':
      return typeof json.token === 'string' ? { type: 'login.ok', token: json.token } : null;
    case 'login.error': {
      const error = readError(json.error);
      return error ? { type: 'login.error', error } : null;
    }
    default:
      return null;
  }
}

function readError(v: unknown): RpcErrorShape | null {
  if (!isRecord(v) || !isCode(v.code) || typeof v.message !== 'string') return null;
  const shape: RpcErrorShape = { code: v.code, message: v.message };
  // An optional field sent as undefined stays, as zod keeps it (JSON never carries one).
  if ('issues' in v && v.issues === undefined) shape.issues = undefined;
  else if ('issues' in v) {
    if (!Array.isArray(v.issues)) return null;
    const issues: Issue[] = [];
    for (const i of v.issues as unknown[]) {
      if (!isRecord(i) || typeof i.path !== 'string' || typeof i.message !== 'string') return null;
      issues.push({ path: i.path, message: i.message });
    }
    shape.issues = issues;
  }
  if ('retryAfterMs' in v && v.retryAfterMs === undefined) shape.retryAfterMs = undefined;
  else if ('retryAfterMs' in v) {
    const ms = v.retryAfterMs;
    if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) return null;
    shape.retryAfterMs = ms;
  }
  return shape;
}

const CODES: ReadonlySet<string> = new Set(rpcErrorCodes);
const isCode = (v: unknown): v is RpcErrorShape['code'] => typeof v === 'string' && CODES.has(v);
const isId = (v: unknown): v is number | string =>
  (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && v.length <= 64);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
