// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import { AbacusSettings } from '../../../renderer/pages/AbacusSettings';
import { errorTone, headline } from '../../../renderer/pages/abacus-status';
import { useSettingsStore } from '../../../renderer/stores/settings';
import type { AbacusStatus } from '../../../shared/abacus';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

const NOW = Date.now();
const base: AbacusStatus = {
  enabled: true,
  deploymentTokenSet: false,
  streamingTokenSet: true,
  streamingReady: true,
  predictionsReady: false,
  breaker: { state: 'closed', failures: 0, retryAtMs: null },
  queue: { rows: 120, maxRows: 50_000, droppedRows: 0, rejectedRows: 0 },
  notBeforeMs: null,
  lastError: null,
  lastStreamOkMs: null,
  lastPredictOkMs: null,
  rowsSent: 0,
  recommendations: 0,
};
const outage = {
  kind: 'unavailable' as const,
  operation: 'stream' as const,
  message: 'appendMultipleData: HTTP 503 InternalServerError: Service unavailable',
  status: 503,
  requestId: 'req_1',
  atMs: NOW - 5_000,
};

function fakeClient(status: AbacusStatus, calls: Array<[string, unknown]>): Client {
  return {
    call: vi.fn(async (method: string, req?: unknown) => {
      calls.push([method, req]);
      if (method === 'abacus.status') return status;
      if (method === 'abacus.configure') return { ...status, deploymentTokenSet: true };
      if (method === 'abacus.clearTokens') return { ...status, streamingTokenSet: false };
      throw new Error(method);
    }) as unknown as Client['call'],
    on: () => () => undefined,
    onStatus: () => () => undefined,
    login: async () => undefined,
    logout: () => undefined,
  };
}

afterEach(() => {
  cleanup();
  setClient(null);
});

describe('Abacus.AI settings', () => {
  it('shows the queue and the last error in red, and sends a token without ever showing one', async () => {
    const calls: Array<[string, unknown]> = [];
    setClient(fakeClient({ ...base, lastError: outage }, calls));
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
    render(<AbacusSettings />);
    const error = await screen.findByTestId('abacus-last-error');
    expect(error.textContent).toContain('HTTP 503');
    expect(error.className).toBe('error');
    expect(screen.getByTestId('abacus-queue').textContent).toContain('120 rows of 50,000');
    expect(screen.getByTestId('abacus-deploymentToken-set').textContent).toBe('not set');
    expect(screen.getByTestId('abacus-streamingToken-set').textContent).toBe('set');

    const input = screen.getByLabelText('Deployment token') as HTMLInputElement;
    expect(input.type).toBe('password');
    fireEvent.change(input, { target: { value: 'dep-token-0123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tokens' }));
    await waitFor(() => expect(screen.getByTestId('abacus-deploymentToken-set').textContent).toBe('set'));
    expect(calls).toContainEqual(['abacus.configure', { deploymentToken: 'dep-token-0123456789' }]);
    expect(input.value).toBe('');

    fireEvent.click(screen.getAllByRole('button', { name: 'Clear' })[0] as HTMLElement);
    await waitFor(() => expect(calls.some(([m]) => m === 'abacus.clearTokens')).toBe(true));
  });
});

describe('status wording', () => {
  it('an error after the last success is current; a rate limit is amber; a healed one grey', () => {
    expect(errorTone(base)).toBe('ok');
    expect(errorTone({ ...base, lastError: outage })).toBe('error');
    expect(errorTone({ ...base, lastError: { ...outage, kind: 'rate-limited' } })).toBe('tone-warn');
    expect(errorTone({ ...base, lastError: outage, lastStreamOkMs: NOW })).toBe('muted');
  });

  it('says off, unconfigured, paused with the time to the next try, or waiting', () => {
    expect(headline({ ...base, enabled: false }, NOW).text).toMatch(/^Off/);
    expect(headline({ ...base, streamingReady: false }, NOW).tone).toBe('tone-warn');
    expect(
      headline({ ...base, breaker: { state: 'open', failures: 5, retryAtMs: NOW + 30_000 } }, NOW),
    ).toEqual({ text: 'Paused after 5 failures in a row (next try in 30 s).', tone: 'error' });
    expect(headline({ ...base, notBeforeMs: NOW + 12_000 }, NOW).text).toBe(
      'Waiting 12 s before the next call.',
    );
    expect(headline(base, NOW)).toEqual({ text: 'Connected.', tone: 'ok' });
  });
});
