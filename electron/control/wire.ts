/**
 * Control as the core builds it: the audit log and the jobs on the core's database, jobs paced by the settings'
 * `control` section and announced on the event bus, and a runner that finds each rig in the registry, its limits
 * in what the collector read, its password in the vault, and tells the collector of a restart it asked for.
 */
import { join } from 'node:path';

import { type Clock, systemClock } from '../clock';
import { type Collector } from '../collector/collector';
import { type EventBus } from '../contract/events';
import { type Passwords } from '../fleet/passwords';
import { type Registry } from '../fleet/registry';
import { type Db } from '../store/db';
import { type SettingsService } from '../settings/service';
import { createAuditLog } from './audit';
import { auditCsvHandlers } from './audit-csv';
import { backupHandlers } from './backups/handlers';
import { createBackupStore } from './backups/store';
import { createFirmwareStaging } from './firmware/staging';
import { rigFacts } from './facts';
import { controlHandlers } from './handlers';
import { createJobStore } from './job-store';
import { createJobs } from './jobs';
import { optionsHandlers } from './options';
import { createControl } from './runner';

export type CoreControlDeps = {
  db: Db;
  registry: Pick<Registry, 'get'>;
  collector: Pick<Collector, 'details' | 'snapshot' | 'markRestarting' | 'cancelRestarting'>;
  passwords: Pick<Passwords, 'forRig'>;
  settings: Pick<SettingsService, 'get'>;
  events: Pick<EventBus, 'emit'>;
  /** Firmware images are staged under `<dataDir>/firmware/` (firmware/staging.ts). */
  dataDir: string;
  clock?: Clock;
};

export function createCoreControl(deps: CoreControlDeps) {
  const { db, registry, collector, passwords, settings, events } = deps;
  const clock = deps.clock ?? systemClock;
  const audit = createAuditLog(db);
  const backups = createBackupStore(db, () => settings.get().control.backupsPerRig);
  const firmware = createFirmwareStaging({ dir: join(deps.dataDir, 'firmware'), clock });
  const control = createControl({
    target(rigId) {
      const rig = registry.get(rigId);
      if (rig === null) return null;
      const facts = rigFacts(rig, collector.details(rigId), collector.snapshot(rigId));
      return { host: rig.ip, port: rig.httpPort, password: passwords.forRig(rigId), facts, name: rig.name };
    },
    markRestarting: (rigId, untilMs) => collector.markRestarting(rigId, untilMs),
    cancelRestarting: (rigId) => collector.cancelRestarting(rigId),
    audit,
    backups,
    clock,
    firmware: { file: firmware.file, progress: (p) => events.emit('firmware.progress', p) },
  });
  const jobs = createJobs({
    control,
    store: createJobStore(db),
    clock,
    pacing() {
      const { concurrency, staggerSec } = settings.get().control;
      return { concurrency, staggerMs: staggerSec * 1000 };
    },
    emit: (progress) => events.emit('job.progress', progress),
    rigName: (rigId) => registry.get(rigId)?.name ?? rigId,
  });
  const options = optionsHandlers({
    facts(rigId) {
      const rig = registry.get(rigId);
      if (rig === null) return null;
      const details = collector.details(rigId);
      const snapshot = collector.snapshot(rigId);
      return {
        facts: rigFacts(rig, details, snapshot),
        readAtMs: details?.slowAtMs ?? null,
        currentPreset: snapshot?.preset?.name ?? null,
      };
    },
  });
  const handlers = {
    ...controlHandlers({ jobs, audit }),
    ...options,
    ...auditCsvHandlers({ audit, nameOf: (id) => registry.get(id)?.name ?? null }),
    ...backupHandlers({ store: backups, control, knows: (rigId) => registry.get(rigId) !== null }),
  };
  const stop = (): void => {
    jobs.stop();
    firmware.stop();
  };
  return { control, audit, jobs, backups, firmware, stop, handlers };
}
