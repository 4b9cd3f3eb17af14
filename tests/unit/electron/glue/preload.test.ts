// @vitest-environment node
/**
 * electron/preload.ts with the fake `electron`: it exposes exactly one object, `window.rigdeck`, whose shape is
 * the contract and nothing else (no generic invoke/send/on a compromised page could use to reach any channel),
 * and whose event subscriptions hand page code the payload only, never the IpcRendererEvent.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Bridge } from '../../../../shared/bridge';
import { splitName } from '../../../../shared/bridge';
import { eventNames, ipcChannel, ipcEventChannel, methodNames } from '../../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { contextBridge, exposedInMainWorld, ipcRenderer, resetElectronFake } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

let exposed: unknown;

beforeAll(async () => {
  resetElectronFake();
  await import('../../../../electron/preload');
  exposed = exposedInMainWorld.get('rigdeck');
});

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.on.mockClear();
  ipcRenderer.removeListener.mockClear();
});

const rigdeck = () => exposed as Bridge;

/** `{ domain: [action, ...] }` from a list of `domain.action` names. */
function group(names: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const [domain, action] = splitName(name);
    (out[domain] ??= []).push(action);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Every own key (string and symbol, enumerable or not) anywhere in the exposed tree, with its path. */
function walk(value: unknown, path: string, visit: (path: string, key: string, leaf: unknown) => void): void {
  if (!isRecord(value)) return;
  for (const key of Reflect.ownKeys(value)) {
    const name = String(key);
    const child: unknown = Reflect.get(value, key);
    visit(path, name, child);
    walk(child, `${path}.${name}`, visit);
  }
}

describe('preload: what is exposed', () => {
  it('calls exposeInMainWorld exactly once, with the key "rigdeck"', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('rigdeck', expect.any(Object));
    expect([...exposedInMainWorld.keys()]).toEqual(['rigdeck']);
  });

  it('has exactly the contract domains plus "events" at the top', () => {
    const domains = Object.keys(group(methodNames));
    expect(Object.keys(exposed as object).sort()).toEqual([...domains, 'events'].sort());
    expect(Reflect.ownKeys(exposed as object).sort()).toEqual([...domains, 'events'].sort());
  });

  it('has exactly the contract methods as functions under each domain', () => {
    const bridge = exposed as Record<string, unknown>;
    for (const [domain, actions] of Object.entries(group(methodNames))) {
      const fns = bridge[domain];
      expect(isRecord(fns), domain).toBe(true);
      expect(Reflect.ownKeys(fns as object).sort(), domain).toEqual(actions);
      for (const action of actions) expect(typeof (fns as Record<string, unknown>)[action]).toBe('function');
    }
  });

  it('has exactly the contract events as subscribe functions under events', () => {
    const events = (exposed as Record<string, unknown>).events;
    const expected = group(eventNames);
    expect(isRecord(events)).toBe(true);
    expect(Object.keys(events as object).sort()).toEqual(Object.keys(expected).sort());
    for (const [domain, actions] of Object.entries(expected)) {
      const fns = (events as Record<string, unknown>)[domain] as Record<string, unknown>;
      expect(Reflect.ownKeys(fns).sort(), domain).toEqual(actions);
      for (const action of actions) expect(typeof fns[action]).toBe('function');
    }
  });

  it('has only plain objects and functions, and no generic escape hatch anywhere', () => {
    const forbidden = new Set([
      'invoke',
      'send',
      'sendSync',
      'sendToHost',
      'postMessage',
      'on',
      'once',
      'off',
      'addListener',
      'removeListener',
      'removeAllListeners',
      'emit',
      'ipcRenderer',
      'ipc',
      'require',
      'process',
    ]);
    const fakeFns: unknown[] = [
      ipcRenderer.invoke,
      ipcRenderer.on,
      ipcRenderer.removeListener,
      ipcRenderer.send,
    ];
    let leaves = 0;
    walk(exposed, 'rigdeck', (path, key, child) => {
      expect(forbidden.has(key), `${path}.${key}`).toBe(false);
      expect(child, `${path}.${key}`).not.toBe(ipcRenderer);
      expect(fakeFns, `${path}.${key}`).not.toContain(child);
      if (typeof child === 'function') leaves++;
      else expect(Object.getPrototypeOf(child), `${path}.${key}`).toBe(Object.prototype);
    });
    expect(leaves).toBe(methodNames.length + eventNames.length);
  });
});

describe('preload: methods', () => {
  it('rigdeck.settings.update(patch) invokes the settings.update channel with the patch only', async () => {
    const answer = { ok: true, value: { ...DEFAULT_SETTINGS, theme: 'light' } };
    ipcRenderer.invoke.mockResolvedValueOnce(answer);

    await expect(rigdeck().settings.update({ theme: 'light' })).resolves.toBe(answer);

    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel('settings.update'), { theme: 'light' });
    expect(ipcRenderer.invoke.mock.calls[0]).toHaveLength(2);
  });

  it('every method invokes its own channel', async () => {
    const bridge = exposed as Record<string, Record<string, (req?: unknown) => Promise<unknown>>>;
    for (const name of methodNames) {
      const [domain, action] = splitName(name);
      ipcRenderer.invoke.mockClear();
      await bridge[domain]?.[action]?.();
      expect(ipcRenderer.invoke, name).toHaveBeenCalledExactlyOnceWith(ipcChannel(name), undefined);
    }
  });
});

describe('preload: events', () => {
  it('a listener receives only the payload, and the unsubscribe removes it', () => {
    const channel = ipcEventChannel('settings.changed');
    const listener = vi.fn();
    const payload = { ...DEFAULT_SETTINGS, theme: 'light' as const };

    const unsubscribe = rigdeck().events.settings.changed(listener);
    expect(ipcRenderer.on).toHaveBeenCalledWith(channel, expect.any(Function));
    expect(ipcRenderer.listenerCount(channel)).toBe(1);

    const event = ipcRenderer.deliver(channel, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
    expect(listener.mock.calls[0]).not.toContain(event);

    ipcRenderer.deliver('rigdeck:event:something.else', payload);
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channel, ipcRenderer.on.mock.calls[0]?.[1]);
    expect(ipcRenderer.listenerCount(channel)).toBe(0);
    ipcRenderer.deliver(channel, payload);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('two subscriptions are independent: removing one keeps the other', () => {
    const channel = ipcEventChannel('settings.changed');
    const a = vi.fn();
    const b = vi.fn();
    const offA = rigdeck().events.settings.changed(a);
    const offB = rigdeck().events.settings.changed(b);
    offA();
    ipcRenderer.deliver(channel, DEFAULT_SETTINGS);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledExactlyOnceWith(DEFAULT_SETTINGS);
    offB();
    expect(ipcRenderer.listenerCount(channel)).toBe(0);
  });
});
