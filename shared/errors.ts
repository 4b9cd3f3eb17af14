import { z } from 'zod';

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

export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

export const rpcErrorShapeSchema = z.object({
  code: z.enum(rpcErrorCodes),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type RpcErrorShape = z.infer<typeof rpcErrorShapeSchema>;

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

/** Turns zod issues into field paths the UI can put next to the field that is wrong ("electricity.pricePerKwh"). */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function invalidArgument(error: z.ZodError): RpcError {
  const issues = issuesFromZod(error);
  const first = issues[0];
  const where = first && first.path ? `${first.path}: ` : '';
  return new RpcError({
    code: 'invalid_argument',
    message: first ? `${where}${first.message}` : 'Invalid argument',
    issues,
  });
}
