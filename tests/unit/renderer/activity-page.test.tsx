// @vitest-environment jsdom
// The Activity page: the audit log newest first with the rig's name, a page at a time (Older asks before the
// oldest shown, Newer goes back), filtered by rig, and exported as CSV with the same filter.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import { ActivityPage } from '../../../renderer/pages/ActivityPage';
import { useFleetStore } from '../../../renderer/stores/fleet';
import { useJobsStore } from '../../../renderer/stores/jobs';
import { type AuditEntry } from '../../../shared/control';
import { rig } from './health-fixtures';

const entry = (i: number, rigId: string): AuditEntry => ({
  id: `c${i}`,
  batchId: null,
  rigId,
  action: i % 2 ? 'reboot' : 'preset',
  params: i % 2 ? {} : { name: '3425' },
  face: 'cli',
  // The 20 oldest are one unpaced bulk command: one millisecond for all, across the page boundary.
  requestedAtMs: 1_000_000 - Math.min(i, 40) * 1000,
  startedAtMs: 1_000_000 - i * 1000,
  finishedAtMs: i === 0 ? null : 1_000_500 - i * 1000,
  outcome: i === 0 ? null : i % 3 ? 'done' : 'failed',
  message: i === 0 ? null : `message ${i}`,
  restartRequired: null,
});

// 60 commands: the first page shows 50, the next the rest.
const log = Array.from({ length: 60 }, (_, i) => entry(i, i % 2 ? 'a' : 'b'));
const asked: unknown[] = [];

beforeEach(() => {
  asked.length = 0;
  useFleetStore.setState({ rigs: new Map([rig('a', 'rig-01'), rig('b', 'rig-02')].map((r) => [r.id, r])) });
  useJobsStore.setState({ jobs: new Map() });
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
  setClient({
    call: vi.fn(async (method: string, req?: unknown) => {
      asked.push([method, req]);
      const q = req as { rigId?: string; beforeMs?: number; limit: number };
      const rows = log
        .filter((e) => q.rigId === undefined || e.rigId === q.rigId)
        .filter((e) => q.beforeMs === undefined || e.requestedAtMs < q.beforeMs)
        .slice(0, q.limit);
      if (method === 'audit.list') return { entries: rows };
      if (method === 'audit.exportCsv') return { csv: 'requested\n', rows: rows.length };
      throw new Error(method);
    }) as unknown as Client['call'],
    on: () => () => undefined,
    onStatus: () => () => undefined,
    login: async () => undefined,
    logout: () => undefined,
  });
});
afterEach(() => {
  cleanup();
  setClient(null);
});

const bodyRows = () => screen.getByTestId('audit-table').querySelectorAll('tbody tr');

describe('ActivityPage', () => {
  it('pages back and forth by request time, losing no row of a millisecond split across pages', async () => {
    render(<ActivityPage />);
    await waitFor(() => expect(bodyRows()).toHaveLength(50));
    const first = bodyRows()[0] as HTMLElement;
    expect(first.textContent).toContain('rig-02');
    expect(first.textContent).toContain('Preset 3425');
    expect(first.textContent).toContain('running');
    expect(bodyRows()[3]?.textContent).toContain('failed');
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(10));
    // From just after the shared millisecond, skipping its 10 rows already shown.
    expect(asked.at(-1)).toEqual(['audit.list', { limit: 60, beforeMs: (log[49]?.requestedAtMs ?? 0) + 1 }]);
    expect([...bodyRows()].map((r) => r.getAttribute('data-audit'))).toEqual(log.slice(50).map((e) => e.id));
    expect((screen.getByRole('button', { name: 'Older' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(50));
  });

  it('filters by rig and exports that rig’s log as CSV', async () => {
    render(<ActivityPage />);
    fireEvent.change(screen.getByLabelText('Filter by rig'), { target: { value: 'a' } });
    await waitFor(() => expect(bodyRows()).toHaveLength(30));
    expect(asked.at(-1)).toEqual(['audit.list', { limit: 50, rigId: 'a' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(asked.at(-1)).toEqual(['audit.exportCsv', { limit: 5000, rigId: 'a' }]));
    expect(URL.createObjectURL).toHaveBeenCalled();
  });
});
