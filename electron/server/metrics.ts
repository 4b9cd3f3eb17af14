/**
 * Prometheus exposition (text format 0.0.4) of the live fleet, for Grafana and federation beyond one site.
 * Only live figures are exported: a stale or offline rig exports rigdeck_rig_up 0 and its last-seen time but no
 * hashrate or temperature, so a graph shows a gap instead of a frozen value drawn as if current.
 */
import type { RigRecord } from '../../shared/fleet';
import type { FleetSummary, RigLive } from '../../shared/telemetry';

type Sample = { labels: Record<string, string>; value: number };
type Family = { name: string; help: string; samples: Sample[] };

export function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function line(name: string, s: Sample): string {
  const labels = Object.entries(s.labels)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',');
  return `${name}${labels ? `{${labels}}` : ''} ${Number.isFinite(s.value) ? s.value : 'NaN'}`;
}

const RIG_GAUGES: { name: string; help: string; pick: (l: RigLive) => number | null }[] = [
  { name: 'rigdeck_rig_hashrate_mhs', help: 'Hashrate the rig reports, MH/s.', pick: (l) => l.hashrateMhs },
  {
    name: 'rigdeck_rig_nominal_hashrate_mhs',
    help: 'Hashrate the current tune should give, MH/s.',
    pick: (l) => l.nominalHashrateMhs,
  },
  {
    name: 'rigdeck_rig_pool_hashrate_mhs',
    help: 'Hashrate the pool credits to the rig’s worker, MH/s.',
    pick: (l) => l.poolHashrateMhs,
  },
  { name: 'rigdeck_rig_power_watts', help: 'Power the rig reports, W.', pick: (l) => l.powerW },
  { name: 'rigdeck_rig_chip_temp_max_celsius', help: 'Hottest chip, °C.', pick: (l) => l.chipTempMaxC },
  { name: 'rigdeck_rig_board_temp_max_celsius', help: 'Hottest board, °C.', pick: (l) => l.boardTempMaxC },
  { name: 'rigdeck_rig_fan_rpm_min', help: 'Slowest fan, rpm.', pick: (l) => l.fanRpmMin },
  { name: 'rigdeck_rig_uptime_seconds', help: 'Control board uptime, s.', pick: (l) => l.uptimeSec },
];

export function renderMetrics(
  rigs: readonly RigRecord[],
  live: ReadonlyMap<string, RigLive>,
  summary: FleetSummary,
): string {
  const families: Family[] = [];
  const id = (r: RigRecord) => ({ rig: r.name, rig_id: r.id, ip: r.ip, model: r.model ?? '' });
  const up: Sample[] = [];
  const seen: Sample[] = [];
  const state: Sample[] = [];
  const gauges = RIG_GAUGES.map((g) => ({ ...g, samples: [] as Sample[] }));
  for (const r of rigs) {
    const l = live.get(r.id);
    up.push({ labels: id(r), value: l?.liveness === 'online' ? 1 : 0 });
    if (l && l.takenAtMs !== null) seen.push({ labels: id(r), value: l.takenAtMs / 1000 });
    if (!l || l.liveness !== 'online') continue;
    state.push({ labels: { ...id(r), state: l.restarting ? 'restarting' : l.minerState }, value: 1 });
    for (const g of gauges) {
      const v = g.pick(l);
      if (v !== null) g.samples.push({ labels: id(r), value: v });
    }
  }
  families.push({
    name: 'rigdeck_rig_up',
    help: '1 when the rig answered its recent polls, else 0.',
    samples: up,
  });
  families.push({
    name: 'rigdeck_rig_last_seen_timestamp_seconds',
    help: 'When the rig last answered (Unix time).',
    samples: seen,
  });
  families.push({
    name: 'rigdeck_rig_state',
    help: 'What the miner says it is doing (1 for the current state).',
    samples: state,
  });
  for (const g of gauges) families.push({ name: g.name, help: g.help, samples: g.samples });

  const r = summary.rigs;
  families.push({
    name: 'rigdeck_fleet_rigs',
    help: 'Rigs by liveness.',
    samples: (['online', 'stale', 'offline', 'unknown'] as const).map((k) => ({
      labels: { liveness: k },
      value: r[k],
    })),
  });
  families.push({
    name: 'rigdeck_fleet_hashrate_mhs',
    help: 'Sum over online rigs, MH/s.',
    samples: [{ labels: {}, value: summary.hashrateMhs }],
  });
  families.push({
    name: 'rigdeck_fleet_power_watts',
    help: 'Sum over online rigs, W.',
    samples: [{ labels: {}, value: summary.powerW }],
  });
  if (summary.poolHashrateMhs !== null) {
    families.push({
      name: 'rigdeck_fleet_pool_hashrate_mhs',
      help: 'What the pool credits the account, MH/s.',
      samples: [{ labels: {}, value: summary.poolHashrateMhs }],
    });
  }
  return `${families
    .map((f) =>
      [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} gauge`, ...f.samples.map((s) => line(f.name, s))].join(
        '\n',
      ),
    )
    .join('\n')}\n`;
}
