/**
 * Fans: one stopped or reported lost is critical, one below the floor a warning. Immersion mode unplugs fans by
 * design, so nothing is judged there.
 */
import { fmt, type Finding, isMining, type Rule, NONE } from './types';

export const fansRule: Rule = ({ input, settings }) => {
  const s = input.snapshot;
  if (s === null || input.live.fansLost === null) return NONE;
  // A miner that is not hashing (no pool, boards idle) slows its fans on purpose; only a fan reported lost counts then.
  const mining = isMining(input) && (input.live.hashrateMhs ?? 0) > 0;
  const out: Finding[] = [];
  for (const f of s.fans) {
    const name = `fan ${f.id}`;
    if (f.status === 'lost' || (mining && f.rpm === 0)) {
      const rpm = f.rpm === null ? 'lost' : `at ${fmt(f.rpm)} rpm`;
      out.push({ code: 'fan-lost', severity: 'critical', text: `${name} ${rpm}`, subject: String(f.id) });
    } else if (mining && f.rpm !== null && f.rpm < settings.fanMinRpm) {
      out.push({
        code: 'fan-slow',
        severity: 'warning',
        text: `${name} at ${fmt(f.rpm)} rpm, floor ${fmt(settings.fanMinRpm)} rpm`,
        subject: String(f.id),
      });
    }
  }
  return out;
};
