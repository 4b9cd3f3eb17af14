import { useState } from 'react';

import { type AlertSettings, ruleFor } from '../../../shared/alert-settings';
import { problemCodes } from '../../../shared/health';
import type { HealthSettings } from '../../../shared/health-settings';
import { problemLabels } from '../../alerts/problem-labels';
import { useSettingsStore } from '../../stores/settings';
import { AlertTimingFields } from './AlertTimingFields';
import { HealthThresholdFields, type Thresholds } from './HealthThresholdFields';
import { TempLimitsEditor } from './TempLimitsEditor';

/**
 * How alerts behave, saved through settings.update: timing (no flapping), notifications, each rule's switches
 * and the per-model temperature limits the overheating rules and the Fleet table's colours use.
 */
export function AlertRulesPanel() {
  const settings = useSettingsStore((s) => s.settings);
  const { save, saving, fieldErrors, saveError, savedAt } = useSettingsStore();
  const [alerts, setAlerts] = useState<AlertSettings | null>(settings?.alerts ?? null);
  const [limits, setLimits] = useState<HealthSettings['tempLimits'] | null>(
    settings?.health.tempLimits ?? null,
  );
  const [thresholds, setThresholds] = useState<Thresholds | null>(pickThresholds(settings?.health));
  const [saved, setSaved] = useState(false);

  // Settings changed elsewhere (or just saved) replace the draft, as React's "adjust state on prop change" does.
  const [source, setSource] = useState(settings);
  if (settings !== source) {
    setSource(settings);
    setAlerts(settings?.alerts ?? null);
    setLimits(settings?.health.tempLimits ?? null);
    setThresholds(pickThresholds(settings?.health));
  }

  if (!alerts || !limits || !thresholds) return <p className="muted">Loading settings…</p>;

  return (
    <form
      className="alert-rules"
      aria-label="Alert settings"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save({ alerts, health: { ...thresholds, tempLimits: limits } }).then(setSaved);
      }}
    >
      <h2>Alert settings</h2>
      <AlertTimingFields value={alerts} onChange={setAlerts} errors={fieldErrors} />
      <table className="grid rules" data-testid="alert-rules">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Raise alerts</th>
            <th>Notify</th>
          </tr>
        </thead>
        <tbody>
          {problemCodes.map((code) => {
            const rule = ruleFor(alerts, code);
            const put = (patch: Partial<typeof rule>) =>
              setAlerts({ ...alerts, rules: { ...alerts.rules, [code]: { ...rule, ...patch } } });
            return (
              <tr key={code}>
                <td>{problemLabels[code]}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Raise alerts: ${problemLabels[code]}`}
                    checked={rule.enabled}
                    onChange={(e) => put({ enabled: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Notify: ${problemLabels[code]}`}
                    checked={rule.notify}
                    disabled={!rule.enabled}
                    onChange={(e) => put({ notify: e.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <HealthThresholdFields value={thresholds} onChange={setThresholds} errors={fieldErrors} />
      <TempLimitsEditor value={limits} onChange={setLimits} />
      {Object.entries(fieldErrors)
        .filter(([path]) => path.startsWith('health.tempLimits'))
        .map(([path, message]) => (
          <p key={path} className="error" role="alert">
            {path.replace('health.tempLimits.', '')}: {message}
          </p>
        ))}
      <div className="actions">
        <button type="submit" disabled={saving}>
          Save alert settings
        </button>
        {saved && savedAt && <span className="ok">Saved.</span>}
        {saveError && <span className="error">{saveError}</span>}
      </div>
    </form>
  );
}

function pickThresholds(h: HealthSettings | undefined): Thresholds | null {
  if (!h) return null;
  const { hashrateLowShare, hashrateLowMinutes, fanMinRpm, rejectShare, poolMismatchShare } = h;
  return { hashrateLowShare, hashrateLowMinutes, fanMinRpm, rejectShare, poolMismatchShare };
}
