import { type ProblemCode, type Severity, problemCodes, severities } from '../../../shared/health';
import type { AlertFilter } from '../../alerts/filter';
import { problemLabels } from '../../alerts/problem-labels';
import { severityWord } from '../../components/health-tone';

type Props = { value: AlertFilter; onChange: (f: AlertFilter) => void };

export function AlertFilters({ value, onChange }: Props) {
  return (
    <div className="toolbar" role="search">
      <label className="inline">
        Severity
        <select
          aria-label="Severity"
          value={value.severity}
          onChange={(e) => onChange({ ...value, severity: e.target.value as Severity | 'all' })}
        >
          <option value="all">All</option>
          {[...severities].reverse().map((s) => (
            <option key={s} value={s}>
              {severityWord[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        Rule
        <select
          aria-label="Rule"
          value={value.code}
          onChange={(e) => onChange({ ...value, code: e.target.value as ProblemCode | 'all' })}
        >
          <option value="all">All</option>
          {problemCodes.map((c) => (
            <option key={c} value={c}>
              {problemLabels[c]}
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        aria-label="Filter alerts"
        placeholder="Rig, address or label"
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.target.value })}
      />
    </div>
  );
}
