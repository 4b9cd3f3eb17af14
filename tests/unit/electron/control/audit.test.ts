// @vitest-environment node
// The audit log on a real SQLite file: a row per rig before sending, completed once after, listed newest
// first, kept across a reopen; a finished row is never rewritten, and parameters are stored as given.
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../../electron/control/audit';
import { openDb } from '../../../../electron/store/db';
import { auditEntrySchema } from '../../../../shared/control';
import { tempDir } from '../../../helpers/core';

const T0 = 1_796_000_000_000;

describe('createAuditLog', () => {
  it('records a command from before it is sent to its result, and keeps it across a reopen', () => {
    const dir = tempDir();
    const db = openDb(dir);
    const log = createAuditLog(db);
    const id = log.begin({
      batchId: 'b1',
      atMs: T0,
      face: 'cli',
      rigId: 'rig-1',
      action: 'preset',
      params: { name: '3425' },
    });
    expect(log.list({ limit: 10 })).toEqual([
      {
        id,
        batchId: 'b1',
        rigId: 'rig-1',
        action: 'preset',
        params: { name: '3425' },
        face: 'cli',
        requestedAtMs: T0,
        startedAtMs: null,
        finishedAtMs: null,
        outcome: null,
        message: null,
        restartRequired: null,
      },
    ]);
    log.started(id, T0 + 5);
    log.finish(id, T0 + 900, {
      rigId: 'rig-1',
      outcome: 'done',
      message: 'Preset 3425 saved.',
      restartRequired: true,
    });
    db.$client.close();

    const again = createAuditLog(openDb(dir));
    const [entry] = again.list({ limit: 10 });
    expect(auditEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({
      startedAtMs: T0 + 5,
      finishedAtMs: T0 + 900,
      outcome: 'done',
      message: 'Preset 3425 saved.',
      restartRequired: true,
    });
  });

  it('never rewrites a finished row', () => {
    const log = createAuditLog(openDb(tempDir()));
    const id = log.begin({ batchId: 'b', atMs: T0, face: 'desktop', rigId: 'r', action: 'stop', params: {} });
    log.finish(id, T0 + 1, {
      rigId: 'r',
      outcome: 'failed',
      message: 'The miner refused: busy',
      restartRequired: null,
    });
    log.started(id, T0 + 2);
    log.finish(id, T0 + 3, {
      rigId: 'r',
      outcome: 'done',
      message: 'Mining stopped.',
      restartRequired: null,
    });
    expect(log.list({ limit: 1 })[0]).toMatchObject({
      startedAtMs: null,
      finishedAtMs: T0 + 1,
      outcome: 'failed',
      message: 'The miner refused: busy',
    });
  });

  it('lists newest first, per rig, before a time, up to a limit', () => {
    const log = createAuditLog(openDb(tempDir()));
    const begin = (rigId: string, atMs: number) =>
      log.begin({
        batchId: `b${atMs}`,
        atMs,
        face: 'headless',
        rigId,
        action: 'locate',
        params: { on: true },
      });
    const a1 = begin('a', T0);
    const b1 = begin('b', T0 + 1);
    const a2 = begin('a', T0 + 2);
    // Same instant: the later insert is listed first.
    const a3 = begin('a', T0 + 2);
    expect(log.list({ limit: 10 }).map((e) => e.id)).toEqual([a3, a2, b1, a1]);
    expect(log.list({ rigId: 'a', limit: 10 }).map((e) => e.id)).toEqual([a3, a2, a1]);
    expect(log.list({ beforeMs: T0 + 2, limit: 10 }).map((e) => e.id)).toEqual([b1, a1]);
    expect(log.list({ rigId: 'a', limit: 1 }).map((e) => e.id)).toEqual([a3]);
  });

  it('reads a damaged parameters cell as no parameters', () => {
    const db = openDb(tempDir());
    const log = createAuditLog(db);
    const id = log.begin({ batchId: 'b', atMs: T0, face: 'cli', rigId: 'r', action: 'reboot', params: {} });
    db.$client.prepare('UPDATE commands SET params = ? WHERE id = ?').run('not json', id);
    expect(log.list({ limit: 1 })[0]?.params).toEqual({});
  });
});
