// The farm's rigs as RigDeck's registry would hold them after discovery (identity by serial, the firmware it
// recognised): for tests and benchmarks that drive RigDeck's collector without running a scan first.
import { type RigRecord } from '../../shared/fleet';
import { type Farm } from './types';

export function registryRecords(farm: Farm): RigRecord[] {
  return farm.rigs.map((r) => ({
    id: r.serial,
    name: r.name,
    labels: [],
    ip: r.ip,
    httpPort: r.httpPort,
    rpcPort: r.rpcPort,
    serial: r.serial,
    mac: r.mac,
    model: r.model,
    firmware: r.kind === 'vnish' ? 'Vnish' : 'Bitmain stock',
    firmwareVersion: r.kind === 'vnish' ? r.firmware : null,
    hostname: null,
    addedAt: 0,
    updatedAt: 0,
    hasOwnPassword: false,
  }));
}
