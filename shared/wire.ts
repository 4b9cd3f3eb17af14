/** Messages on the headless face's WebSocket. Both ends parse with these schemas; nothing else is accepted. */
import { z } from 'zod';

import { rpcErrorShapeSchema } from './errors';

export const MAX_MESSAGE_BYTES = 1024 * 1024;

const id = z.union([z.number().int(), z.string().max(64)]);

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id, method: z.string().max(128), params: z.unknown().optional() }),
  z.object({
    type: z.literal('login'),
    password: z.string().max(1024).optional(),
    token: z.string().max(256).optional(),
  }),
  z.object({ type: z.literal('logout') }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), auth: z.enum(['required', 'none']), version: z.string() }),
  z.object({ type: z.literal('result'), id, result: z.unknown() }),
  z.object({ type: z.literal('error'), id: id.nullable(), error: rpcErrorShapeSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('login.ok'), token: z.string() }),
  z.object({ type: z.literal('login.error'), error: rpcErrorShapeSchema }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
