/**
 * What the Abacus.AI status says, in words and a colour (pure, so it is tested without a page): an error newer
 * than the last success is current (red, or amber for a rate limit, which heals by itself); one older than a
 * success is history (grey).
 */
import type { AbacusStatus } from '../../shared/abacus';

export type Tone = 'ok' | 'tone-warn' | 'error' | 'muted';

export const failures = (n: number) => `${n} ${n === 1 ? 'failure' : 'failures'}`;

export function errorTone(s: AbacusStatus): Tone {
  const e = s.lastError;
  if (!e) return 'ok';
  const since = e.operation === 'stream' ? s.lastStreamOkMs : s.lastPredictOkMs;
  if (since !== null && since > e.atMs) return 'muted';
  return e.kind === 'rate-limited' ? 'tone-warn' : 'error';
}

export function headline(s: AbacusStatus, now: number): { text: string; tone: Tone } {
  if (!s.enabled) return { text: 'Off: recommendations come from the built-in engine only.', tone: 'muted' };
  if (!s.streamingReady && !s.predictionsReady)
    return { text: 'On, but not configured: set the ids and tokens below.', tone: 'tone-warn' };
  if (s.breaker.state === 'open') {
    const wait =
      s.breaker.retryAtMs === null
        ? ''
        : ` (next try in ${Math.max(0, Math.ceil((s.breaker.retryAtMs - now) / 1000))} s)`;
    return { text: `Paused after ${failures(s.breaker.failures)} in a row${wait}.`, tone: 'error' };
  }
  if (s.breaker.state === 'half-open') return { text: 'Trying again…', tone: 'tone-warn' };
  if (s.notBeforeMs !== null && s.notBeforeMs > now)
    return {
      text: `Waiting ${Math.ceil((s.notBeforeMs - now) / 1000)} s before the next call.`,
      tone: 'tone-warn',
    };
  const tone = errorTone(s);
  return tone === 'error' || tone === 'tone-warn'
    ? { text: 'Connected with trouble: see the last error.', tone }
    : { text: 'Connected.', tone: 'ok' };
}
