/**
 * The optional webhook: every grouped notification as a JSON POST to settings.alerts.webhookUrl, retried with
 * backoff when the receiver is down or answers 5xx (a 4xx is the receiver refusing it: not retried). Sends go
 * out one at a time, in order; a backlog past MAX_QUEUED drops the oldest rather than grow without bound.
 */
import type { AlertNotification } from '../../shared/alerts';
import type { Clock } from '../clock';
import type { Logger } from '../contract/dispatch';

export type WebhookPayload = { source: 'rigdeck'; sentAtMs: number; notification: AlertNotification };

export type WebhookDeps = {
  url: () => string;
  clock: Clock;
  fetch?: typeof fetch;
  log?: Pick<Logger, 'warn'>;
  /** Waits between attempts; the last one is the final try. */
  backoffMs?: readonly number[];
  timeoutMs?: number;
};

export type Webhook = {
  send(notifications: readonly AlertNotification[]): void;
  /** Resolves when everything queued has been delivered or given up on. */
  idle(): Promise<void>;
  stop(): void;
};

const MAX_QUEUED = 200;
export const DEFAULT_BACKOFF_MS = [1_000, 5_000, 30_000, 120_000] as const;

export function createWebhook(deps: WebhookDeps): Webhook {
  const doFetch = deps.fetch ?? fetch;
  const backoff = deps.backoffMs ?? DEFAULT_BACKOFF_MS;
  const queue: { url: string; body: string }[] = [];
  let running: Promise<void> | null = null;
  let stopped = false;
  /** Ends the current wait early (stop), so the drain loop finishes instead of hanging on a cancelled timer. */
  let wakeNow: (() => void) | null = null;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const cancel = deps.clock.after(ms, () => {
        wakeNow = null;
        resolve();
      });
      wakeNow = () => {
        cancel();
        wakeNow = null;
        resolve();
      };
    });

  /** true: delivered or refused for good; false: worth another try. */
  const attempt = async (url: string, body: string): Promise<boolean> => {
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 500) return false;
      if (!res.ok) deps.log?.warn(`[rigdeck] alert webhook refused: HTTP ${res.status}`);
      return true;
    } catch {
      return false;
    }
  };

  const drain = async () => {
    while (!stopped && queue.length > 0) {
      const item = queue[0] as { url: string; body: string };
      let delivered = await attempt(item.url, item.body);
      for (let i = 0; !delivered && !stopped && i < backoff.length; i++) {
        await wait(backoff[i] ?? 0);
        if (!stopped) delivered = await attempt(item.url, item.body);
      }
      if (!delivered && !stopped) deps.log?.warn('[rigdeck] alert webhook unreachable; notification dropped');
      queue.shift();
    }
    running = null;
  };

  return {
    send(notifications) {
      const url = deps.url();
      if (url === '' || stopped) return;
      for (const notification of notifications) {
        const payload: WebhookPayload = { source: 'rigdeck', sentAtMs: deps.clock.now(), notification };
        queue.push({ url, body: JSON.stringify(payload) });
      }
      // The one in flight (index 0) stays; the oldest waiting ones go.
      const excess = queue.length - MAX_QUEUED;
      if (excess > 0) queue.splice(running ? 1 : 0, excess);
      running ??= drain();
    },
    idle: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
      wakeNow?.();
      queue.length = 0;
    },
  };
}
