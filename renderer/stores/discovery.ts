import { create } from 'zustand';

import type { DiscoveredDevice } from '../../shared/discovery';
import { RpcError } from '../../shared/rpc-error';
import type { AddResult } from '../../shared/fleet';
import { getClient } from '../api';

export type Progress = { done: number; total: number; found: number };
export type Summary = { found: number; cancelled: boolean; elapsedMs: number; error: string | null };

const key = (d: Pick<DiscoveredDevice, 'ip' | 'port'>) => `${d.ip}:${d.port}`;

type DiscoveryState = {
  scanId: string | null;
  progress: Progress | null;
  summary: Summary | null;
  /** Everything found by the current scan and by miners announcing themselves, newest last. */
  devices: DiscoveredDevice[];
  selected: ReadonlySet<string>;
  error: string | null;
  adding: boolean;
  lastAdd: AddResult | null;
  start(targets: string[]): Promise<void>;
  cancel(): Promise<void>;
  toggle(device: DiscoveredDevice): void;
  selectAllNew(): void;
  add(devices: DiscoveredDevice[]): Promise<void>;
  watch(): () => void;
};

export const deviceKey = key;

export const useDiscoveryStore = create<DiscoveryState>((set, get) => ({
  scanId: null,
  progress: null,
  summary: null,
  devices: [],
  selected: new Set(),
  error: null,
  adding: false,
  lastAdd: null,
  async start(targets) {
    set({ error: null, summary: null, devices: [], selected: new Set(), lastAdd: null, progress: null });
    try {
      const { scanId, total } = await getClient().call('discovery.scan', { targets });
      set((s) => ({ scanId, progress: s.progress ?? { done: 0, total, found: 0 } }));
    } catch (err) {
      set({ error: err instanceof RpcError || err instanceof Error ? err.message : String(err) });
    }
  },
  async cancel() {
    const id = get().scanId;
    if (id) await getClient().call('discovery.cancel', { scanId: id });
  },
  toggle(device) {
    const next = new Set(get().selected);
    const k = key(device);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    set({ selected: next });
  },
  selectAllNew() {
    set({
      selected: new Set(
        get()
          .devices.filter((d) => d.kind === 'vnish' && !d.rigId)
          .map(key),
      ),
    });
  },
  async add(devices) {
    if (devices.length === 0) return;
    set({ adding: true, error: null });
    try {
      const addresses = devices.map((d) => ({
        ip: d.ip,
        port: d.port,
        ...(d.rpcPort ? { rpcPort: d.rpcPort } : {}),
      }));
      const result = await getClient().call('fleet.add', { addresses });
      const ids = new Map([...result.added, ...result.updated].map((r) => [`${r.ip}:${r.httpPort}`, r.id]));
      set((s) => ({
        lastAdd: result,
        selected: new Set(),
        devices: s.devices.map((d) => ({ ...d, rigId: ids.get(key(d)) ?? d.rigId })),
      }));
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      set({ adding: false });
    }
  },
  watch() {
    const c = getClient();
    const offs = [
      c.on('discovery.found', ({ scanId, device }) => {
        // Devices from another browser's scan are not ours to show; self-announced ones (scanId null) always are.
        if (scanId !== null && scanId !== get().scanId) return;
        set((s) => {
          const k = key(device);
          const i = s.devices.findIndex((d) => key(d) === k);
          const devices = i >= 0 ? s.devices.with(i, device) : [...s.devices, device];
          return { devices };
        });
      }),
      c.on('discovery.progress', ({ scanId, done, total, found }) => {
        if (scanId === get().scanId) set({ progress: { done, total, found } });
      }),
      c.on('discovery.done', (e) => {
        if (e.scanId !== get().scanId) return;
        set({
          scanId: null,
          progress: { done: e.done, total: e.total, found: e.found },
          summary: { found: e.found, cancelled: e.cancelled, elapsedMs: e.elapsedMs, error: e.error },
        });
      }),
    ];
    return () => offs.forEach((off) => off());
  },
}));
