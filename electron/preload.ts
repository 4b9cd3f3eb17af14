/**
 * Runs sandboxed in the window before the page. It exposes `window.rigdeck`: one named function per contract
 * method and one subscribe function per event, derived from the contract, never a generic invoke. Listeners
 * get the payload only; the IpcRendererEvent (and its `sender`) never reaches page code.
 */
import { type IpcRenderer, type IpcRendererEvent, contextBridge, ipcRenderer } from 'electron';

import { type Bridge, splitName } from '../shared/bridge';
import { eventNames, ipcChannel, ipcEventChannel, methodNames } from '../shared/contract';

type Listener = (payload: unknown) => void;

export function buildBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  const methods: Record<string, Record<string, (req?: unknown) => Promise<unknown>>> = {};
  for (const name of methodNames) {
    const [domain, action] = splitName(name);
    const channel = ipcChannel(name);
    (methods[domain] ??= {})[action] = (req?: unknown) => ipc.invoke(channel, req);
  }
  const events: Record<string, Record<string, (listener: Listener) => () => void>> = {};
  for (const name of eventNames) {
    const [domain, action] = splitName(name);
    const channel = ipcEventChannel(name);
    (events[domain] ??= {})[action] = (listener: Listener) => {
      const strip = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(channel, strip);
      return () => {
        ipc.removeListener(channel, strip);
      };
    };
  }
  return { ...methods, events } as unknown as Bridge;
}

contextBridge.exposeInMainWorld('rigdeck', buildBridge(ipcRenderer));
