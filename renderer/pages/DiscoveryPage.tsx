import { useState } from 'react';

import { useDiscoveryStore } from '../stores/discovery';
import { useSettingsStore } from '../stores/settings';
import { DiscoveryResults } from './DiscoveryResults';

const splitTargets = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter(Boolean);

export function DiscoveryPage() {
  const remembered = useSettingsStore((s) => s.settings?.scanTargets);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (remembered ?? []).join('\n');
  const { scanId, progress, summary, error, start, cancel } = useDiscoveryStore();
  const scanning = scanId !== null;
  const targets = splitTargets(text);

  return (
    <section className="page">
      <h1>Discovery</h1>
      <form
        className="scan-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start(targets);
        }}
      >
        <label htmlFor="scan-targets">Addresses to scan</label>
        <textarea
          id="scan-targets"
          rows={3}
          spellCheck={false}
          placeholder={'10.0.0.0/24\n10.0.1.10-10.0.1.60\n10.0.2.5:8080'}
          value={text}
          onChange={(e) => setDraft(e.target.value)}
        />
        <small className="muted">
          CIDR ranges, a–b ranges and host[:port] entries, one per line. Miners that press their IP Report
          button appear here by themselves.
        </small>
        <div className="actions">
          <button type="submit" disabled={scanning || targets.length === 0}>
            {scanning ? 'Scanning…' : 'Scan'}
          </button>
          {scanning && (
            <button type="button" className="secondary" onClick={() => void cancel()}>
              Cancel
            </button>
          )}
          {error && (
            <span className="error" role="alert" data-testid="scan-error">
              {error}
            </span>
          )}
        </div>
      </form>
      {progress && (
        <div className="scan-progress" data-testid="scan-progress">
          <progress max={Math.max(progress.total, 1)} value={progress.done} />
          <span>
            {progress.done} / {progress.total} addresses · {progress.found} answered
            {summary &&
              (summary.error
                ? ` · stopped: ${summary.error}`
                : summary.cancelled
                  ? ' · cancelled'
                  : ` · done in ${(summary.elapsedMs / 1000).toFixed(1)} s`)}
          </span>
        </div>
      )}
      <DiscoveryResults />
    </section>
  );
}
