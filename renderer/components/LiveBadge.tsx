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

/** A mining rig with a critical problem is not "fine": the badge takes the colour of its health, the word stays. */
export function badgeTone(l: RigLive | undefined, tone: string): string {
  if (l?.health === 'critical') return 'bad';
  if (l?.health === 'warning' && tone === 'ok') return 'warn';
  return tone;
}

export function LiveBadge({ live }: { live: RigLive | undefined }) {
  const { text, tone } = liveLabel(live);
  return (
    <span className={`badge tone-${badgeTone(live, tone)}`} title={live?.problems[0]?.text}>
      {text}
    </span>
  );
}
