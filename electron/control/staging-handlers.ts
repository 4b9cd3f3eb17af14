/**
 * Placeholders for settings backups: the contract names them so every face can be built against them; each
 * answers "unavailable" until its service lands. (Firmware staging lives in control/firmware/.)
 */
import type { Handlers } from '../../shared/contract';
import { RpcError } from '../../shared/errors';

type Names = 'backups.list' | 'backups.take';

const unavailable = (what: string) => async (): Promise<never> => {
  throw new RpcError({ code: 'unavailable', message: `${what} is not available in this build yet.` });
};

export function stagingHandlers(): Pick<Handlers, Names> {
  return {
    'backups.list': unavailable('Settings backup'),
    'backups.take': unavailable('Settings backup'),
  };
}
