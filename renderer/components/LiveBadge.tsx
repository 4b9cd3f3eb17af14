import type { RigLive } from '../../shared/telemetry';
import { useConnectionStore } from '../stores/connection';

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
  const lostAtMs = useConnectionStore((s) => s.link.lostAtMs);
  const { text, tone } = liveLabel(live);
  // The link is down: the word is what the rig was when last heard of, never a colour that says it is so now.
  const title =
    lostAtMs === null
      ? live?.problems[0]?.text
      : `as of ${new Date(lostAtMs).toLocaleTimeString()}: the connection to RigDeck is lost`;
  return (
    <span className={`badge tone-${lostAtMs === null ? badgeTone(live, tone) : 'muted'}`} title={title}>
      {text}
    </span>
  );
}
