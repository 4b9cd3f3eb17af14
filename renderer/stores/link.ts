import type { ConnectionStatus } from '../api/types';

/** The link to the core as the screens need it: up, or down since when (null: never up yet, nothing shown is old). */
export type Link = { up: boolean; lostAtMs: number | null };

export const LINK_UNKNOWN: Link = { up: false, lostAtMs: null };

/**
 * The link after a status change at `now`. It is lost when a connection that was up goes down: from then every
 * figure on screen is as old as the loss, whatever its own age said. A login screen is not a lost link (nothing
 * is shown behind it), and a second drop before it came back keeps the first moment.
 */
export function nextLink(prev: Link, status: ConnectionStatus, now: number): Link {
  if (status === 'connected') return prev.up && prev.lostAtMs === null ? prev : { up: true, lostAtMs: null };
  if (status === 'login') return { up: false, lostAtMs: null };
  if (prev.up) return { up: false, lostAtMs: now };
  return prev;
}

/** Whether figures can be shown as live: the link is up. Before the first connection nothing is shown at all. */
export const linkDown = (l: Link): boolean => l.lostAtMs !== null;
