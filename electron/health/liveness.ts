/**
 * Silence as a problem: offline is critical, stale a warning. A restart RigDeck asked for explains the silence
 * (the rig is shown restarting instead). A degraded read (REST failing, RPC answering) is named with both errors.
 */
import { type Finding, type Rule } from './types';

function lastSeen(takenAtMs: number | null): string {
  return takenAtMs === null ? 'never answered' : `last seen ${new Date(takenAtMs).toISOString()}`;
}

export const livenessRule: Rule = ({ input }) => {
  const { live } = input;
  const out: Finding[] = [];
  if (!input.commandedRestart) {
    const why = live.lastError === null ? '' : `: ${live.lastError}`;
    if (live.liveness === 'offline') {
      out.push({
        code: 'offline',
        severity: 'critical',
        text: `offline, ${lastSeen(live.takenAtMs)}${why}`,
        subject: '',
      });
    } else if (live.liveness === 'stale') {
      out.push({
        code: 'stale',
        severity: 'warning',
        text: `not answering, ${lastSeen(live.takenAtMs)}${why}`,
        subject: '',
      });
    }
  }
  if (input.degraded !== null && live.liveness !== 'offline') {
    out.push({
      code: 'degraded-read',
      severity: 'warning',
      text: `degraded read: ${input.degraded}`,
      subject: '',
    });
  }
  return out;
};
