import type { HealthSettings } from '../../../shared/health-settings';

type Limits = HealthSettings['tempLimits'];
type Props = { value: Limits; onChange: (next: Limits) => void };

/** Per-model temperature limits, always in °C (the firmware's unit and the limits' own). */
export function TempLimitsEditor({ value, onChange }: Props) {
  const put = (model: string, key: 'chipC' | 'boardC', v: number) => {
    const current = value[model] ?? { chipC: 85, boardC: 75 };
    onChange({ ...value, [model]: { ...current, [key]: v } });
  };
  return (
    <table className="grid temp-limits" data-testid="temp-limits">
      <caption>Temperature limits by model</caption>
      <thead>
        <tr>
          <th>Model</th>
          <th>Chip limit (°C)</th>
          <th>Board limit (°C)</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(value).map(([model, l]) => (
          <tr key={model}>
            <td>{model === 'default' ? 'Any other model' : model}</td>
            {(['chipC', 'boardC'] as const).map((key) => (
              <td key={key}>
                <input
                  type="number"
                  min={30}
                  max={130}
                  aria-label={`${model} ${key === 'chipC' ? 'chip' : 'board'} limit (°C)`}
                  value={Number.isFinite(l[key]) ? l[key] : ''}
                  onChange={(e) => put(model, key, e.target.valueAsNumber)}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
