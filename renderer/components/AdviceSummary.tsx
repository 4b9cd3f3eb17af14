import { useMemo } from 'react';

import { useAdviceStore } from '../stores/advice';
import { AdviceItems } from './AdviceItems';

/*
 * The recommendations shown outside the Advice page (a strip on the Fleet page, a section on the rig page), apart
 * from it so the Advice page stays a chunk of its own.
 */

/** The count on the Fleet page: a strip that opens the Advice page. */
export function FleetAdviceStrip({ go }: { go: () => void }) {
  const count = useAdviceStore((s) => s.recommendations.length);
  if (count === 0) return null;
  return (
    <p className="advice-strip" data-testid="advice-strip">
      <a
        href="#/advice"
        onClick={(e) => {
          e.preventDefault();
          go();
        }}
      >
        {count} recommendation{count === 1 ? '' : 's'}
      </a>{' '}
      <span className="muted">to look at</span>
    </p>
  );
}

/** One rig's recommendations, on its page. */
export function RigAdvice({ rigId }: { rigId: string }) {
  const all = useAdviceStore((s) => s.recommendations);
  const error = useAdviceStore((s) => s.error);
  const mine = useMemo(() => all.filter((r) => r.rigId === rigId), [all, rigId]);
  return (
    <section className="rig-advice" data-testid="rig-advice">
      <h2>Recommendations</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {mine.length === 0 ? <p className="muted">None right now.</p> : <AdviceItems items={mine} />}
    </section>
  );
}
