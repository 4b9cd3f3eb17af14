/**
 * The one line the ProHashing form says about itself, pure: what the technician last did and what the
 * connection says now, merged into a single message in the colour of what it says. Two lines side by side
 * ("saved; connecting…" in grey beside "refused") contradict each other; the newer truth wins.
 */
export type PoolHealth = { configured: boolean; apiKey: string; live: string; error: string | null };
/** What the form last did: its answer, or the error it got. */
export type PoolAction = { kind: 'saved' | 'forgotten' } | { kind: 'failed'; error: string };
export type Tone = 'ok' | 'warn' | 'bad' | 'muted';
export type PoolNotice = { text: string; tone: Tone };

const LIVE_WORDS: Record<string, string> = {
  idle: 'waiting to connect',
  connecting: 'connecting',
  syncing: 'connected, reading the account',
  live: 'connected',
  reconnecting: 'reconnecting',
  closed: 'closed',
};

export function poolNotice(health: PoolHealth | null, action: PoolAction | null): PoolNotice {
  if (action?.kind === 'failed') return { text: action.error, tone: 'bad' };
  if (health === null) {
    if (action?.kind === 'saved') return { text: 'API key saved; connecting…', tone: 'warn' };
    if (action?.kind === 'forgotten') return { text: 'API key forgotten.', tone: 'muted' };
    return { text: 'Status unknown.', tone: 'muted' };
  }
  if (!health.configured) {
    return action?.kind === 'forgotten'
      ? { text: 'API key forgotten; not connected.', tone: 'muted' }
      : { text: 'Not connected: no API key.', tone: 'muted' };
  }
  if (health.apiKey === 'invalid') {
    const why = health.error ? ` (${health.error})` : '';
    return { text: `ProHashing refused the API key${why}. Check it on your account page.`, tone: 'bad' };
  }
  const word = LIVE_WORDS[health.live] ?? health.live;
  if (health.live === 'live') return { text: `Live feed ${word}.`, tone: 'ok' };
  const why = health.error ? ` (${health.error})` : '';
  const lead = action?.kind === 'saved' ? 'API key saved; live feed ' : 'Live feed ';
  const tone: Tone = health.error ? 'bad' : 'warn';
  return { text: `${lead}${word}${why}${health.live === 'closed' ? '.' : '…'}`, tone };
}
