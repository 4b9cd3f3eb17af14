import type { AbacusStatus } from '../../shared/abacus';
import { formatAge } from '../../shared/format';
import { useNow } from '../components/useNow';
import { errorTone, failures, headline } from './abacus-status';

const age = (ms: number | null, now: number) => (ms === null ? 'never' : formatAge(ms, now));

/** How Abacus.AI is doing: the headline, the retry queue, the last successes and the last error with its time. */
export function AbacusStatusView({ status }: { status: AbacusStatus }) {
  const now = useNow(1000);
  const head = headline(status, now);
  const e = status.lastError;
  const q = status.queue;
  return (
    <div className="abacus-status" data-testid="abacus-status">
      <p className={head.tone}>{head.text}</p>
      <dl className="about">
        <dt>Retry queue</dt>
        <dd data-testid="abacus-queue">
          {q.rows.toLocaleString()} rows of {q.maxRows.toLocaleString()}
          {q.droppedRows > 0 && (
            <span className="tone-warn">
              {' '}
              · {q.droppedRows.toLocaleString()} oldest rows dropped (queue full)
            </span>
          )}
          {q.rejectedRows > 0 && (
            <span className="tone-warn"> · {q.rejectedRows.toLocaleString()} rows refused by Abacus.AI</span>
          )}
        </dd>
        <dt>Telemetry sent</dt>
        <dd>
          {status.rowsSent.toLocaleString()} rows, last {age(status.lastStreamOkMs, now)}
        </dd>
        <dt>Predictions</dt>
        <dd>
          {status.recommendations} recommendations, last {age(status.lastPredictOkMs, now)}
        </dd>
        <dt>Circuit breaker</dt>
        <dd>
          {status.breaker.state} ({failures(status.breaker.failures)} in a row)
        </dd>
        <dt>Last error</dt>
        <dd className={e ? errorTone(status) : 'muted'} data-testid="abacus-last-error">
          {e ? (
            <>
              {e.message}{' '}
              <small className="muted">
                ({e.operation}, {formatAge(e.atMs, now)}
                {e.requestId ? `, request ${e.requestId}` : ''})
              </small>
            </>
          ) : (
            'none'
          )}
        </dd>
      </dl>
    </div>
  );
}
