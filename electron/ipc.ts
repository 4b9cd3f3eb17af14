/**
 * The only user of ipcMain. Every contract method gets one handler that refuses callers other than our own
 * top-level app:// page, validates the argument by the contract (in core.dispatch) and answers with an
 * RpcResult envelope, because Electron keeps nothing of a thrown error but its message.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';

import { type MethodName, ipcChannel, ipcEventChannel, methodNames } from '../shared/contract';
import type { RpcResult } from '../shared/errors';
import type { Core } from './core';
import { isAppUrl } from './security/navigation';

/** A sub-frame, a destroyed frame or a page that navigated away from our bundle gets nothing. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<Core, 'dispatch' | 'events'>,
  targets: () => WebContents[],
): () => void {
  const handle =
    (name: MethodName) =>
    async (event: IpcMainInvokeEvent, req: unknown): Promise<RpcResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Call refused: it did not come from the RigDeck window.' },
        };
      }
      return core.dispatch(name, req, { face: 'desktop', peer: 'renderer' });
    };
  for (const name of methodNames) ipcMain.handle(ipcChannel(name), handle(name));

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL()))
        contents.send(ipcEventChannel(name), payload);
    }
  });

  return () => {
    unsubscribe();
    for (const name of methodNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
