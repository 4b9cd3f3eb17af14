import type { RigLive } from '../../shared/telemetry';
import { healthTone, healthWord } from './health-tone';

/** The Fleet table's health cell: the worst problem in words and colour, and how many more there are. */
export function WorstProblem({ live }: { live: RigLive | undefined }) {
  const health = live?.health ?? 'unknown';
  const worst = live?.problems[0];
  const more = (live?.problems.length ?? 0) - 1;
  const title = live?.problems.map((p) => p.text).join('\n');
  return (
    <span className={`worst tone-${healthTone[health]}`} title={title} data-health={health}>
      <span className={`badge tone-${healthTone[health]}`}>{healthWord[health]}</span>
      {worst && <span className="worst-text"> {worst.text}</span>}
      {more > 0 && <small className="muted"> +{more} more</small>}
    </span>
  );
}
