/** `backups.list` and `backups.take`: a rig's settings backups (restore is an action: control.run "restore"). */
import type { Handlers } from '../../../shared/contract';
import { RpcError } from '../../../shared/errors';
import { failureMessage } from '../wording';
import { type Control } from '../runner';
import { type BackupStore } from './store';

export function backupHandlers(deps: {
  store: Pick<BackupStore, 'list'>;
  control: Pick<Control, 'takeBackup'>;
  knows(rigId: string): boolean;
}): Pick<Handlers, 'backups.list' | 'backups.take'> {
  const known = (rigId: string): void => {
    if (!deps.knows(rigId)) throw new RpcError({ code: 'not_found', message: `No rig with id ${rigId}.` });
  };
  return {
    'backups.list': async ({ rigId }) => {
      known(rigId);
      return { backups: deps.store.list(rigId) };
    },
    'backups.take': async ({ rigId }) => {
      known(rigId);
      try {
        return await deps.control.takeBackup(rigId, 'manual');
      } catch (error) {
        const message = `Could not read the rig's settings: ${failureMessage(error)}`;
        throw new RpcError({ code: 'unavailable', message });
      }
    },
  };
}
