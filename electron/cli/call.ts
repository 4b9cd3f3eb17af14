import type { MethodName, Req, Res } from '../../shared/contract';
import { RpcError } from '../../shared/errors';
import type { Core } from '../core';
import { UsageError } from './args';

/**
 * A command's one way into the core: the same dispatcher, validation and errors as the desktop and the browser,
 * with the CLI as the caller. An invalid argument is the user's to fix (exit 2); anything else is a failure.
 */
export async function call<K extends MethodName>(core: Core, method: K, params: Req<K>): Promise<Res<K>> {
  const result = await core.dispatch(method, params, { face: 'cli', peer: 'cli' });
  if (result.ok) return result.value as Res<K>;
  const { error } = result;
  if (error.code === 'invalid_argument') {
    const where = error.issues?.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    throw new UsageError(where || error.message);
  }
  throw new RpcError(error);
}
