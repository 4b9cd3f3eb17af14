import type { Problem } from '../../shared/health';
import { compareProblems } from '../../shared/problem';
import { Since } from '../components/Since';
import { severityTone, severityWord } from '../components/health-tone';

/** Problems that belong to no rig, such as a pool worker that matches none: shown above the table, not hidden. */
export function FleetProblems({ problems, now }: { problems: readonly Problem[]; now: number }) {
  if (problems.length === 0) return null;
  return (
    <section className="fleet-problems" data-testid="fleet-problems" aria-label="Fleet problems">
      <h2>Fleet problems</h2>
      <ul className="problems">
        {[...problems].sort(compareProblems).map((p) => (
          <li key={`${p.code}:${p.subject}`} data-code={p.code}>
            <span className={`badge tone-${severityTone[p.severity]}`}>{severityWord[p.severity]}</span>{' '}
            {p.text} <Since ms={p.sinceMs} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}
