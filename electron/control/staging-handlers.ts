/**
 * Placeholders for firmware staging: the contract names them so every face can be built against them; each
 * answers "unavailable" until its service lands.
 */
import type { Handlers } from '../../shared/contract';
import { RpcError } from '../../shared/errors';

type Names = 'firmware.begin' | 'firmware.chunk' | 'firmware.finish' | 'firmware.list';

const unavailable = (what: string) => async (): Promise<never> => {
  throw new RpcError({ code: 'unavailable', message: `${what} is not available in this build yet.` });
};

export function stagingHandlers(): Pick<Handlers, Names> {
  return {
    'firmware.begin': unavailable('Firmware upload'),
    'firmware.chunk': unavailable('Firmware upload'),
    'firmware.finish': unavailable('Firmware upload'),
    'firmware.list': unavailable('Firmware upload'),
  };
}
