import type { Problem } from '../../shared/health';
import { problemLabels } from '../alerts/problem-labels';
import { Since } from '../components/Since';
import { severityTone, severityWord } from '../components/health-tone';

/** What is wrong with this rig now: each problem with its evidence and how long it has lasted. */
export function RigProblems({ problems, now }: { problems: readonly Problem[]; now: number }) {
  return (
    <section className="rig-problems" data-testid="rig-problems">
      <h2>Problems</h2>
      {problems.length === 0 ? (
        <p className="muted">None right now.</p>
      ) : (
        <ul className="problems">
          {problems.map((p) => (
            <li key={`${p.code}:${p.subject}`} data-code={p.code}>
              <span className={`badge tone-${severityTone[p.severity]}`}>{severityWord[p.severity]}</span>{' '}
              <strong>{problemLabels[p.code]}</strong> {p.text} <Since ms={p.sinceMs} now={now} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
