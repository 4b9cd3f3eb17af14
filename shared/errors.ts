import { z } from 'zod';

import { type Issue, RpcError, type RpcErrorShape, rpcErrorCodes } from './rpc-error';

export {
  RpcError,
  rpcErrorCodes,
  type Issue,
  type RpcErrorCode,
  type RpcErrorShape,
  type RpcResult,
} from './rpc-error';

/** The shapes of rpc-error.ts, checked where a message arrives (the wire, the preload's replies). */
export const issueSchema = z.object({ path: z.string(), message: z.string() }) satisfies z.ZodType<Issue>;

export const rpcErrorShapeSchema = z.object({
  code: z.enum(rpcErrorCodes),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
  retryAfterMs: z.number().int().nonnegative().optional(),
}) satisfies z.ZodType<RpcErrorShape>;

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
