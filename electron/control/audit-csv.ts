/**
 * The audit log as CSV, with the columns `rigdeck audit --json` prints (electron/cli/audit.ts) plus the rig's
 * name: a spreadsheet and a script read the same fields. Quoting and formula guards are the history export's.
 */
import type { Handlers } from '../../shared/contract';
import { type AuditEntry } from '../../shared/control';
import { csvText } from '../store/csv';
import { type AuditLog } from './audit';

export const AUDIT_CSV_HEADER = [
  'requested',
  'started',
  'finished',
  'rig_id',
  'rig_name',
  'face',
  'action',
  'params',
  'outcome',
  'message',
  'restart_required',
  'batch_id',
  'id',
].join(',');

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

export function auditCsvRow(e: AuditEntry, rigName: string | null): string {
  return [
    iso(e.requestedAtMs),
    iso(e.startedAtMs),
    iso(e.finishedAtMs),
    csvText(e.rigId),
    csvText(rigName ?? ''),
    e.face ?? '',
    csvText(e.action),
    Object.keys(e.params).length === 0 ? '' : csvText(JSON.stringify(e.params)),
    e.outcome ?? '',
    csvText(e.message ?? ''),
    e.restartRequired === null ? '' : String(e.restartRequired),
    csvText(e.batchId ?? ''),
    csvText(e.id),
  ].join(',');
}

/** Header and one line per entry, joined with \n (as history.exportCsv does). */
export function auditCsv(entries: readonly AuditEntry[], nameOf: (rigId: string) => string | null): string {
  return [AUDIT_CSV_HEADER, ...entries.map((e) => auditCsvRow(e, nameOf(e.rigId)))].join('\n');
}

export function auditCsvHandlers(deps: {
  audit: Pick<AuditLog, 'list'>;
  nameOf: (rigId: string) => string | null;
}): Pick<Handlers, 'audit.exportCsv'> {
  return {
    'audit.exportCsv': async (req) => {
      const entries = deps.audit.list(req);
      return { csv: auditCsv(entries, deps.nameOf), rows: entries.length };
    },
  };
}
