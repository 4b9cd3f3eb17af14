/**
 * The contract's error type without zod: the renderer throws and catches these on its first screen, and zod
 * with the contract's schemas would otherwise be a third of what a browser downloads first
 * (renderer_bundle_gzip_kb). `errors.ts` re-exports all of it beside the zod schema that checks the shape.
 */

/** Every way a contract call can fail, as the caller sees it. Transports carry these codes unchanged. */
export const rpcErrorCodes = [
  'invalid_argument',
  'unknown_method',
  'not_found',
  'bad_message',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type RpcErrorCode = (typeof rpcErrorCodes)[number];

export type Issue = { path: string; message: string };

export type RpcErrorShape = {
  code: RpcErrorCode;
  message: string;
  issues?: Issue[] | undefined;
  retryAfterMs?: number | undefined;
};

/** A typed failure: thrown by handlers and by clients, serialised as its shape across every transport. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  readonly issues: Issue[] | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(shape: RpcErrorShape) {
    super(shape.message);
    this.name = 'RpcError';
    this.code = shape.code;
    this.issues = shape.issues;
    this.retryAfterMs = shape.retryAfterMs;
  }

  toShape(): RpcErrorShape {
    const shape: RpcErrorShape = { code: this.code, message: this.message };
    if (this.issues) shape.issues = this.issues;
    if (this.retryAfterMs !== undefined) shape.retryAfterMs = this.retryAfterMs;
    return shape;
  }
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcErrorShape };
