/**
 * Fans: one stopped or reported lost is critical, one below the floor a warning. Immersion mode unplugs fans by
 * design, so nothing is judged there.
 */
import { fmt, type Finding, type Rule, NONE } from './types';

export const fansRule: Rule = ({ input, settings }) => {
  const s = input.snapshot;
  if (s === null || input.live.fansLost === null) return NONE;
  const out: Finding[] = [];
  for (const f of s.fans) {
    const name = `fan ${f.id}`;
    if (f.status === 'lost' || f.rpm === 0) {
      const rpm = f.rpm === null ? 'lost' : `at ${fmt(f.rpm)} rpm`;
      out.push({ code: 'fan-lost', severity: 'critical', text: `${name} ${rpm}`, subject: String(f.id) });
    } else if (f.rpm !== null && f.rpm < settings.fanMinRpm) {
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
