// The audit log's CSV: one header, one line per command with ISO times, the rig's name beside its id, the
// parameters as JSON in one quoted cell, and typed text guarded against spreadsheet formulas.
import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_HEADER, auditCsv, auditCsvHandlers } from '../../../../electron/control/audit-csv';
import { type AuditEntry } from '../../../../shared/control';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 'c1',
  batchId: 'j1',
  rigId: 'rig-a',
  action: 'preset',
  params: { name: '3425' },
  face: 'headless',
  requestedAtMs: Date.UTC(2026, 11, 2, 10, 0, 0),
  startedAtMs: Date.UTC(2026, 11, 2, 10, 0, 1),
  finishedAtMs: Date.UTC(2026, 11, 2, 10, 0, 9),
  outcome: 'done',
  message: 'Preset 3425 applied, after a mining restart',
  restartRequired: true,
  ...over,
});

describe('auditCsv', () => {
  it('writes the header and one line per entry, quoting what needs it', () => {
    const csv = auditCsv(
      [
        entry(),
        entry({
          id: 'c2',
          outcome: null,
          finishedAtMs: null,
          message: null,
          params: {},
          restartRequired: null,
        }),
      ],
      (id) => (id === 'rig-a' ? '=rack 1, top' : null),
    );
    const lines = csv.split('\n');
    expect(lines[0]).toBe(AUDIT_CSV_HEADER);
    expect(lines[1]).toBe(
      '2026-12-02T10:00:00.000Z,2026-12-02T10:00:01.000Z,2026-12-02T10:00:09.000Z,rig-a,"\'=rack 1, top",headless,preset,"{""name"":""3425""}",done,"Preset 3425 applied, after a mining restart",true,j1,c1',
    );
    expect(lines[2]).toBe(
      '2026-12-02T10:00:00.000Z,2026-12-02T10:00:01.000Z,,rig-a,"\'=rack 1, top",headless,preset,,,,,j1,c2',
    );
    expect(lines).toHaveLength(3);
  });

  it('answers audit.exportCsv with the filtered entries and their count', async () => {
    const seen: unknown[] = [];
    const h = auditCsvHandlers({
      audit: {
        list(q) {
          seen.push(q);
          return [entry()];
        },
      },
      nameOf: () => 'rig A',
    });
    const res = await h['audit.exportCsv']({ rigId: 'rig-a', limit: 10 }, { face: 'headless', peer: 't' });
    expect(res.rows).toBe(1);
    expect(res.csv.split('\n')[1]).toContain(',rig-a,rig A,');
    expect(seen).toEqual([{ rigId: 'rig-a', limit: 10 }]);
  });
});
