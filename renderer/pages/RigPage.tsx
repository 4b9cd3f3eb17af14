import { useEffect, useState } from 'react';

import {
  UNKNOWN,
  formatAge,
  formatDuration,
  formatEfficiency,
  formatPower,
  formatTemp,
} from '../../shared/format';
import type { Res } from '../../shared/contract';
import { formatHashrate } from '../../shared/units';
import { getClient } from '../api';
import { LiveBadge } from '../components/LiveBadge';
import { ActionsBar } from '../control/ActionsBar';
import { RigCommands } from '../control/RigCommands';
import { useNow } from '../components/useNow';
import { useConnectionStore } from '../stores/connection';
import { useFleetStore } from '../stores/fleet';
import { useSettingsStore } from '../stores/settings';
import { useUiStore } from '../stores/ui';
import { HistoryPanel } from './HistoryPanel';
import { RigAlertHistory } from './RigAlertHistory';
import { RigBackups } from './RigBackups';
import { RigHardware } from './RigHardware';
import { RigManage } from './RigManage';
import { RigAdvice } from '../components/AdviceSummary';
import { RigProblems } from './RigProblems';
import { presetLabel } from './rig-view';

type Detail = Res<'rig.detail'>;

/** Everything about one rig: identity, live figures with their age, chains, fans, pools, history and its log. */
export function RigPage({ id }: { id: string }) {
  const rig = useFleetStore((s) => s.rigs.get(id));
  const live = useFleetStore((s) => s.live.get(id));
  const unit = useSettingsStore((s) => s.settings?.temperatureUnit ?? 'C');
  const go = useUiStore((s) => s.go);
  const linkUp = useConnectionStore((s) => s.link.lostAtMs === null);
  const now = useNow(1000);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const takenAt = live?.takenAtMs ?? null;

  useEffect(() => {
    let on = true;
    getClient()
      .call('rig.detail', { id })
      .then((d) => on && (setDetail(d), setError(null)))
      .catch((e: unknown) => on && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      on = false;
    };
    // The full snapshot is refetched whenever a new poll of this rig arrives.
  }, [id, takenAt]);

  if (!rig) {
    return (
      <section className="page">
        <p className="error">{error ?? 'This rig is not in the fleet.'}</p>
        <a href="#/fleet" onClick={(e) => (e.preventDefault(), go('fleet'))}>
          Back to the fleet
        </a>
      </section>
    );
  }
  const notLive = !linkUp || live?.liveness !== 'online';
  return (
    <section className="page rig-page" data-testid="rig-page">
      <a href="#/fleet" className="muted" onClick={(e) => (e.preventDefault(), go('fleet'))}>
        ← Fleet
      </a>
      <h1>
        {rig.name} <LiveBadge live={live} />
      </h1>
      <p className="muted">
        <span className="mono">{rig.ip}</span> · {rig.model ?? 'unknown model'} · {rig.firmware ?? ''}{' '}
        {/* The version the rig runs now (it changes with an upgrade), else the one discovery saw. */}
        <span data-testid="rig-firmware-version">
          {detail?.snapshot?.identity.firmwareVersion ?? rig.firmwareVersion ?? ''}
        </span>{' '}
        · serial <span className="mono">{rig.serial ?? UNKNOWN}</span> · MAC{' '}
        <span className="mono">{rig.mac ?? UNKNOWN}</span>
        {rig.labels.length > 0 && ` · ${rig.labels.join(', ')}`}
      </p>
      <ActionsBar rigIds={[rig.id]} />
      <RigManage rig={rig} />
      {live?.lastError && notLive && <p className="error">Last poll failed: {live.lastError}</p>}
      {live?.failureDescription && (
        <p className="error">
          Miner reports failure {live.failureCode ?? ''}: {live.failureDescription}
        </p>
      )}
      <RigProblems problems={live?.problems ?? []} now={now} />
      <RigAdvice rigId={id} />
      <div className={`cards${notLive ? ' not-live' : ''}`} data-testid="rig-live">
        <div className="card">
          <span className="label">Hashrate</span>
          <strong>{formatHashrate(live?.hashrateMhs ?? null)}</strong>
          <small className="muted">nominal {formatHashrate(live?.nominalHashrateMhs ?? null)}</small>
        </div>
        <div className="card">
          <span className="label">Pool sees</span>
          <strong>{formatHashrate(live?.poolHashrateMhs ?? null)}</strong>
          <small className="muted">worker {live?.workerName ?? UNKNOWN}</small>
        </div>
        <div className="card">
          <span className="label">Power</span>
          <strong>{formatPower(live?.powerW ?? null)}</strong>
          <small className="muted">{formatEfficiency(live?.efficiencyJPerMh ?? null)}</small>
        </div>
        <div className="card">
          <span className="label">Hottest chip / board</span>
          <strong>{formatTemp(live?.chipTempMaxC ?? null, unit)}</strong>
          <small className="muted">board {formatTemp(live?.boardTempMaxC ?? null, unit)}</small>
        </div>
        <div className="card">
          <span className="label">Uptime · preset</span>
          <strong>{formatDuration(live?.uptimeSec ?? null)}</strong>
          <small className="muted">{presetLabel(live?.preset ?? null) ?? UNKNOWN}</small>
        </div>
        <div className="card">
          <span className="label">Measured</span>
          <strong>{formatAge(takenAt, now)}</strong>
          <small className="muted">
            {live?.lastPollMs ? `polled ${formatAge(live.lastPollMs, now)}` : 'not polled yet'}
          </small>
        </div>
      </div>
      {detail?.snapshot && <RigHardware snapshot={detail.snapshot} unit={unit} stale={notLive} />}
      <HistoryPanel key={rig.id} rigId={rig.id} unit={unit} sinceMs={rig.addedAt} />
      <RigAlertHistory rigId={rig.id} now={now} />
      <RigCommands rigId={rig.id} />
      <RigBackups rigId={rig.id} />
      {detail && detail.events.length > 0 && (
        <section>
          <h2>Log</h2>
          <ul className="events">
            {detail.events.map((e) => (
              <li key={`${e.atMs}-${e.text}`} data-kind={e.kind}>
                <span className="muted">{new Date(e.atMs).toLocaleString()}</span>{' '}
                {e.kind === 'reboot' && <span className="badge tone-warn">Restart</span>} {e.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
