import { randomUUID } from 'node:crypto';

import { eq, inArray } from 'drizzle-orm';

import type { DiscoveredDevice } from '../../shared/discovery';
import { type RigRecord, normalizeMac, normalizeSerial } from '../../shared/fleet';
import { defaultName, uniqueName } from '../../shared/fleet-names';
import type { Db } from '../store/db';
import { type RigRow, rigs } from '../store/schema';
import { matchRig } from './identity';
import { adoptWorkerNames, nameTaken, renameRig } from './names';

export type Upsert = { rig: RigRecord; change: 'added' | 'updated' | 'unchanged' };

/** The registered rigs. Synchronous (better-sqlite3): nothing here holds a transaction across an await. */
export type Registry = {
  list(): RigRecord[];
  get(id: string): RigRecord | null;
  /** The registered rig this device is, by serial then MAC; null when it is new. */
  match(device: Pick<DiscoveredDevice, 'serial' | 'mac'>): string | null;
  upsert(device: DiscoveredDevice, now: number): Upsert;
  remove(ids: readonly string[]): string[];
  /** Null when there is no such rig; a name another rig has (any case) is refused with an RpcError saying whose. */
  rename(id: string, name: string, now: number): RigRecord | null;
  /**
   * Rigs still under a name RigDeck gave them take their pool worker name (unique-suffixed if another rig has
   * it); a name the technician chose is never touched. Returns the rigs renamed.
   */
  adoptWorkerNames(workers: ReadonlyMap<string, string>, now: number): RigRecord[];
  setLabels(id: string, labels: readonly string[], now: number): RigRecord | null;
};

export function createRegistry(db: Db, hasOwnPassword: (rigId: string) => boolean): Registry {
  const toRecord = (row: RigRow): RigRecord => ({
    id: row.id,
    name: row.name,
    labels: parseLabels(row.labels),
    ip: row.ip,
    httpPort: row.httpPort,
    rpcPort: row.rpcPort,
    serial: row.serial,
    mac: row.mac,
    model: row.model,
    firmware: row.firmware,
    firmwareVersion: row.firmwareVersion,
    hostname: row.hostname,
    addedAt: row.addedAt,
    updatedAt: row.updatedAt,
    hasOwnPassword: hasOwnPassword(row.id),
  });
  const row = (id: string) => db.select().from(rigs).where(eq(rigs.id, id)).get();
  const identities = () => db.select({ id: rigs.id, serial: rigs.serial, mac: rigs.mac }).from(rigs).all();

  return {
    list: () => db.select().from(rigs).orderBy(rigs.name).all().map(toRecord),
    get(id) {
      const r = row(id);
      return r ? toRecord(r) : null;
    },
    match: (device) => matchRig(device, identities()),
    upsert(device, now) {
      const serial = normalizeSerial(device.serial);
      const mac = normalizeMac(device.mac);
      if (!serial && !mac) {
        throw new Error(
          `${device.ip} reports neither a serial number nor a MAC address, so it cannot be told apart.`,
        );
      }
      return db.transaction((tx) => {
        const existingId = matchRig(
          { serial, mac },
          tx.select({ id: rigs.id, serial: rigs.serial, mac: rigs.mac }).from(rigs).all(),
        );
        const facts = {
          ip: device.ip,
          httpPort: device.port,
          rpcPort: device.rpcPort,
          model: device.model,
          firmware: device.firmware,
          firmwareVersion: device.version,
          hostname: device.hostname,
        };
        if (existingId === null) {
          // The MAC may still sit on another rig after a control-board swap; the new owner takes it.
          if (mac) tx.update(rigs).set({ mac: null, updatedAt: now }).where(eq(rigs.mac, mac)).run();
          const id = randomUUID();
          const base = defaultName({
            workerName: null,
            hostname: device.hostname,
            model: device.model,
            mac,
            serial,
            ip: device.ip,
          });
          const name = uniqueName(base, (n) => nameTaken(tx, n, null));
          tx.insert(rigs)
            .values({ id, serial, mac, name, nameAuto: true, ...facts, addedAt: now, updatedAt: now })
            .run();
          return {
            rig: toRecord(must(tx.select().from(rigs).where(eq(rigs.id, id)).get())),
            change: 'added' as const,
          };
        }
        const before = must(tx.select().from(rigs).where(eq(rigs.id, existingId)).get());
        const next = { ...facts, serial: serial ?? before.serial, mac: mac ?? before.mac };
        const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== before[k]);
        if (!changed) return { rig: toRecord(before), change: 'unchanged' as const };
        if (next.mac && next.mac !== before.mac) {
          tx.update(rigs).set({ mac: null, updatedAt: now }).where(eq(rigs.mac, next.mac)).run();
        }
        tx.update(rigs)
          .set({ ...next, updatedAt: now })
          .where(eq(rigs.id, existingId))
          .run();
        return {
          rig: toRecord(must(tx.select().from(rigs).where(eq(rigs.id, existingId)).get())),
          change: 'updated' as const,
        };
      });
    },
    remove(ids) {
      if (ids.length === 0) return [];
      const found = db
        .select({ id: rigs.id })
        .from(rigs)
        .where(inArray(rigs.id, [...ids]))
        .all()
        .map((r) => r.id);
      if (found.length > 0) db.delete(rigs).where(inArray(rigs.id, found)).run();
      return found;
    },
    rename(id, name, now) {
      if (!row(id)) return null;
      renameRig(db, id, name, now);
      const r = row(id);
      return r ? toRecord(r) : null;
    },
    adoptWorkerNames: (workers, now) => adoptWorkerNames(db, workers, now).map(toRecord),
    setLabels(id, labels, now) {
      const unique = [...new Set(labels)];
      db.update(rigs)
        .set({ labels: JSON.stringify(unique), updatedAt: now })
        .where(eq(rigs.id, id))
        .run();
      const r = row(id);
      return r ? toRecord(r) : null;
    },
  };
}

function parseLabels(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('row vanished inside its own transaction');
  return value;
}
