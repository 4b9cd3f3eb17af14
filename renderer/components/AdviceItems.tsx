import { useState } from 'react';

import type { Recommendation } from '../../shared/advice';
import { disruptiveActions } from '../../shared/control-names';
import type { ActionKind } from '../../shared/control';
import { useAdviceStore } from '../stores/advice';
import { useUiStore } from '../stores/ui';

const sourceWord = { builtin: 'RigDeck', abacus: 'Abacus.AI' } as const;

function actionText(a: NonNullable<Recommendation['action']>): string {
  const params = Object.entries(a.params)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
  return params === '' ? a.action : `${a.action} (${params})`;
}

function fmtValue(v: number | null, unit: string): string {
  if (v === null) return '—';
  return `${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}${unit === '' ? '' : ` ${unit}`}`;
}

function Item({ rec, rigName, showRig }: { rec: Recommendation; rigName: string; showRig: boolean }) {
  const apply = useAdviceStore((s) => s.apply);
  const dismiss = useAdviceStore((s) => s.dismiss);
  const jobId = useAdviceStore((s) => s.sent[rec.id]);
  const openRig = useUiStore((s) => s.openRig);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const disruptive = rec.action !== null && disruptiveActions.has(rec.action.action as ActionKind);
  const act = async (confirm: boolean) => {
    setBusy(true);
    await apply(rec.id, confirm);
    setBusy(false);
    setConfirming(false);
  };
  return (
    <li className="advice-item" data-kind={rec.kind} data-rig={rec.rigId}>
      <div className="advice-head">
        <span className="badge">{sourceWord[rec.source]}</span>{' '}
        {showRig && (
          <a
            href={`#/rig/${rec.rigId}`}
            onClick={(e) => {
              e.preventDefault();
              openRig(rec.rigId);
            }}
          >
            {rigName}
          </a>
        )}{' '}
        <strong>{rec.title}</strong>{' '}
        <span className="muted">confidence {Math.round(rec.confidence * 100)} %</span>
      </div>
      <p>{rec.reason}</p>
      {rec.evidence.length > 0 && (
        <ul className="advice-evidence">
          {rec.evidence.map((e) => (
            <li key={e.label}>
              {e.label}: <strong>{fmtValue(e.value, e.unit)}</strong>
            </li>
          ))}
        </ul>
      )}
      <p>
        <span className="muted">Expected:</span> {rec.expectedEffect}
        {rec.chart && (
          <>
            {' '}
            <a
              href={`#/rig/${rec.rigId}`}
              onClick={(e) => {
                e.preventDefault();
                openRig(rec.rigId);
              }}
            >
              chart: {rec.chart.metric} over {rec.chart.hours} h
            </a>
          </>
        )}
      </p>
      <div className="advice-actions">
        {rec.action !== null &&
          (confirming ? (
            <>
              <button type="button" className="danger small" disabled={busy} onClick={() => void act(true)}>
                Confirm {actionText(rec.action)}
              </button>{' '}
              <button type="button" className="secondary small" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="small"
              disabled={busy || jobId !== undefined}
              onClick={() => (disruptive ? setConfirming(true) : void act(false))}
            >
              Apply: {actionText(rec.action)}
            </button>
          ))}{' '}
        <button type="button" className="secondary small" onClick={() => void dismiss(rec.id)}>
          Dismiss
        </button>
        {jobId !== undefined && <span className="muted"> sent (job {jobId.slice(0, 8)})</span>}
      </div>
    </li>
  );
}

/** Recommendations with their evidence, and Apply / Dismiss; `names` maps rig ids to names when rigs are shown. */
export function AdviceItems({
  items,
  names,
}: {
  items: readonly Recommendation[];
  names?: ReadonlyMap<string, string>;
}) {
  return (
    <ul className="advice-list">
      {items.map((r) => (
        <Item key={r.id} rec={r} rigName={names?.get(r.rigId) ?? r.rigId} showRig={names !== undefined} />
      ))}
    </ul>
  );
}
