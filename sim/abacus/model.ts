// The deterministic model behind the Abacus fake's predict: it scores a rig from the features sent
// (docs/abacus.md §7(b) suggests a custom PYTHON_MODEL whose result dict we define). Same input, same output.
export type Advice = {
  anomaly_score: number;
  status: 'ok' | 'warn' | 'critical';
  actions: Array<{ code: string; value?: number; reason: string }>;
};

function num(row: Record<string, unknown>, ...keys: string[]): number | null {
  for (const k of keys) {
    const v = row[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return null;
}

export function scoreRig(row: Record<string, unknown>): Advice {
  const actions: Advice['actions'] = [];
  let score = 0;
  const temp = num(row, 'temp_max_c', 'chip_temp_max', 'temp');
  if (temp !== null && temp > 75) {
    score += Math.min(0.5, (temp - 75) / 30);
    actions.push({
      code: 'LOWER_POWER_LIMIT',
      value: Math.round(Math.max(0, 100 - (temp - 75) * 3)),
      reason: `chip temperature ${temp} °C`,
    });
  }
  const hr = num(row, 'hashrate_mhs', 'hashrate');
  const nominal = num(row, 'hashrate_nominal_mhs', 'nominal_hashrate');
  if (hr !== null && nominal !== null && nominal > 0 && hr / nominal < 0.9) {
    score += Math.min(0.4, (0.9 - hr / nominal) * 2);
    actions.push({
      code: 'CHECK_HASHBOARDS',
      reason: `hashrate at ${Math.round((hr / nominal) * 100)} % of nominal`,
    });
  }
  const reject = num(row, 'reject_pct', 'rejected_pct');
  if (reject !== null && reject > 2) {
    score += Math.min(0.3, reject / 20);
    actions.push({ code: 'CHECK_POOL', reason: `${reject} % rejected shares` });
  }
  const fans = num(row, 'fan_rpm_min');
  if (fans !== null && fans === 0) {
    score += 0.3;
    actions.push({ code: 'REPLACE_FAN', reason: 'a fan reports 0 rpm' });
  }
  const anomaly = Math.round(Math.min(1, score) * 1000) / 1000;
  return {
    anomaly_score: anomaly,
    status: anomaly >= 0.6 ? 'critical' : anomaly >= 0.25 ? 'warn' : 'ok',
    actions,
  };
}
