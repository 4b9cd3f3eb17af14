import type { RigRecord } from '../../shared/fleet';
import {
  UNKNOWN,
  formatAge,
  formatDuration,
  formatEfficiency,
  formatPercent,
  formatPower,
  formatTemp,
} from '../../shared/format';
import type { HealthSettings } from '../../shared/health-settings';
import type { Settings } from '../../shared/settings';
import type { RigLive } from '../../shared/telemetry';
import { fanTone, nominalTone, tempLimitsFor, tempTone } from '../../shared/thresholds';
import { formatHashrate } from '../../shared/units';
import { SelectBox } from '../control/SelectBox';
import type { AllState } from '../control/selection';
import { LiveBadge } from '../components/LiveBadge';
import { useConnectionStore } from '../stores/connection';
import { WorstProblem } from '../components/WorstProblem';

export const FLEET_ROW_HEIGHT = 36;

type HeaderProps = { unit: Settings['temperatureUnit']; all: AllState; onAll: () => void };

export function FleetHeader({ unit, all, onAll }: HeaderProps) {
  return (
    <div className="fleet-row head" role="row">
      <span role="columnheader">
        <SelectBox
          checked={all === 'all'}
          indeterminate={all === 'some'}
          label="Select all shown rigs"
          onToggle={onAll}
        />
      </span>
      <span role="columnheader">Rig</span>
      <span role="columnheader">State</span>
      <span role="columnheader">Health</span>
      <span role="columnheader">Hashrate</span>
      <span role="columnheader">of nominal</span>
      <span role="columnheader">Power</span>
      <span role="columnheader">Efficiency</span>
      <span role="columnheader">Chip max (°{unit})</span>
      <span role="columnheader">Fan min</span>
      <span role="columnheader">Uptime</span>
      <span role="columnheader">Updated</span>
    </div>
  );
}

type Props = {
  rig: RigRecord;
  live: RigLive | undefined;
  unit: Settings['temperatureUnit'];
  now: number;
  health: HealthSettings;
  onOpen: (id: string) => void;
  selected: boolean;
  /** `shift`: extend from the last ticked rig (a range). */
  onSelect: (id: string, shift: boolean) => void;
};

/**
 * One rig on the dashboard. Figures that are not live (stale or offline) are greyed and the age says how old
 * they are: a frozen number must never look like a live one.
 */
export function FleetRow({ rig, live, unit, now, health, onOpen, selected, onSelect }: Props) {
  // With the link to the core down, no figure is current, however fresh it was when it arrived.
  const linkUp = useConnectionStore((s) => s.link.lostAtMs === null);
  const current = linkUp && live?.liveness === 'online';
  const l = live;
  const limits = tempLimitsFor(health.tempLimits, rig.model);
  const tone = (t: string | null) => (t ? `num tone-${t}` : 'num');
  return (
    <div
      className={`fleet-row${current ? '' : ' not-live'}${selected ? ' selected' : ''}`}
      role="row"
      aria-selected={selected}
      data-rig={rig.id}
      data-liveness={l?.liveness ?? 'unknown'}
      tabIndex={0}
      onClick={() => onOpen(rig.id)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(rig.id)}
    >
      <span role="cell">
        <SelectBox
          checked={selected}
          label={`Select ${rig.name}`}
          onToggle={(shift) => onSelect(rig.id, shift)}
        />
      </span>
      <span role="cell" className="name" title={`${rig.ip} · ${rig.model ?? ''}`}>
        {rig.name}
        <small className="muted mono"> {rig.ip}</small>
      </span>
      <span role="cell">
        <LiveBadge live={l} />
      </span>
      <span role="cell" className="health">
        <WorstProblem live={l} />
      </span>
      <span role="cell" className="num">
        {l ? formatHashrate(l.hashrateMhs) : UNKNOWN}
      </span>
      <span
        role="cell"
        className={tone(l ? nominalTone(l.hashrateMhs, l.nominalHashrateMhs, health.hashrateLowShare) : null)}
      >
        {l ? formatPercent(l.hashrateMhs, l.nominalHashrateMhs) : UNKNOWN}
      </span>
      <span role="cell" className="num">
        {formatPower(l?.powerW ?? null)}
      </span>
      <span role="cell" className="num">
        {formatEfficiency(l?.efficiencyJPerMh ?? null)}
      </span>
      <span
        role="cell"
        className={tone(tempTone(l?.chipTempMaxC ?? null, limits.chipC))}
        title={`limit ${formatTemp(limits.chipC, unit)}`}
      >
        {formatTemp(l?.chipTempMaxC ?? null, unit)}
      </span>
      <span role="cell" className={tone(l ? fanTone(l.fanRpmMin, l.fansLost, health.fanMinRpm) : null)}>
        {l && l.fanRpmMin !== null ? `${l.fanRpmMin} rpm` : UNKNOWN}
        {l?.fansLost ? <span className="tone-bad"> · {l.fansLost} lost</span> : null}
      </span>
      <span role="cell" className="num">
        {formatDuration(l?.uptimeSec ?? null)}
      </span>
      <span role="cell" className="age" title={l?.lastError ?? undefined}>
        {current || !l?.takenAtMs ? '' : 'seen '}
        {formatAge(l?.takenAtMs ?? null, now)}
      </span>
    </div>
  );
}
