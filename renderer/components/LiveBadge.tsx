import type { RigLive } from '../../shared/telemetry';

/** The one word that tells a technician whether to walk over: liveness first, then what the miner says. */
export function liveLabel(l: RigLive | undefined): { text: string; tone: string } {
  if (!l || l.liveness === 'unknown') return { text: 'Waiting', tone: 'muted' };
  if (l.restarting) return { text: 'Rebooting', tone: 'warn' };
  if (l.liveness === 'offline') return { text: 'Offline', tone: 'bad' };
  if (l.minerState === 'failure') return { text: 'Failure', tone: 'bad' };
  if (l.liveness === 'stale') return { text: 'Stale', tone: 'warn' };
  const state: Record<string, string> = {
    mining: 'Mining',
    'auto-tuning': 'Auto-tuning',
    initializing: 'Starting',
    starting: 'Starting',
    restarting: 'Restarting',
    stopped: 'Stopped',
    'shutting-down': 'Stopping',
  };
  const text = state[l.minerState] ?? 'Online';
  return { text, tone: l.minerState === 'mining' ? 'ok' : 'warn' };
}

export function LiveBadge({ live }: { live: RigLive | undefined }) {
  const { text, tone } = liveLabel(live);
  return <span className={`badge tone-${tone}`}>{text}</span>;
}
