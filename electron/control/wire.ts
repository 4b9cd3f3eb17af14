/**
 * Control as the core builds it: the audit log on the core's database, and a runner that finds each rig in the
 * registry, its limits in what the collector read, its password in the vault, and tells the collector of a
 * restart it asked for.
 */
import { type Collector } from '../collector/collector';
import { type Registry } from '../fleet/registry';
import { type Db } from '../store/db';
import { createAuditLog } from './audit';
import { rigFacts } from './facts';
import { controlHandlers } from './handlers';
import { createControl } from './runner';

export type CoreControlDeps = {
  db: Db;
  registry: Pick<Registry, 'get'>;
  collector: Pick<Collector, 'details' | 'snapshot' | 'markRestarting'>;
  passwordFor(rigId: string): string;
};

export function createCoreControl({ db, registry, collector, passwordFor }: CoreControlDeps) {
  const audit = createAuditLog(db);
  const control = createControl({
    target(rigId) {
      const rig = registry.get(rigId);
      if (rig === null) return null;
      const facts = rigFacts(rig, collector.details(rigId), collector.snapshot(rigId));
      return { host: rig.ip, port: rig.httpPort, password: passwordFor(rigId), facts };
    },
    markRestarting: (rigId, untilMs) => collector.markRestarting(rigId, untilMs),
    audit,
  });
  return { control, audit, handlers: controlHandlers({ control, audit }) };
}
