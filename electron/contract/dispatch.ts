import {
  type CallContext,
  type Handlers,
  type MethodName,
  type ParsedReq,
  type Res,
  isMethodName,
  methods,
} from '../../shared/contract';
import { RpcError, type RpcResult, invalidArgument } from '../../shared/errors';

export type Dispatch = (method: string, params: unknown, ctx: CallContext) => Promise<RpcResult<unknown>>;
/**
 * Console-shaped so `console` itself is one; the headless face passes the pino-backed one (electron/log). `debug`
 * is optional so a three-method test logger still fits; what only matters when debugging goes there.
 */
export type Logger = Pick<Console, 'info' | 'warn' | 'error'> & { debug?: Console['debug'] };

/**
 * The single entry every transport uses: unknown names and invalid arguments are refused with a typed error
 * before any handler runs, and a handler that throws something untyped never leaks its internals to the caller.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (method, params, ctx) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 128)}` },
      };
    }
    const parsed = methods[method].req.safeParse(params);
    if (!parsed.success) return { ok: false, error: invalidArgument(parsed.error).toShape() };
    try {
      return {
        ok: true,
        value: await invoke(handlers, method, parsed.data as ParsedReq<typeof method>, ctx),
      };
    } catch (err) {
      if (err instanceof RpcError) return { ok: false, error: err.toShape() };
      log.error(`[rigdeck] ${method} failed`, err);
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${errorMessage(err)}` } };
    }
  };
}

function invoke<K extends MethodName>(handlers: Handlers, method: K, req: ParsedReq<K>, ctx: CallContext) {
  const handler = handlers[method] as (r: ParsedReq<K>, c: CallContext) => Promise<Res<K>>;
  return handler(req, ctx);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
