import { Notification } from 'electron';

import type { Core } from '../core';
import { watchJobEnds } from '../control/job-ends';

/**
 * The desktop face's word when a long or bulk command job ends (shared/job-notice.ts decides which), as an OS
 * notification; clicking it brings the window up, where the jobs panel has the per-rig results.
 */
export function createJobNotifier(core: Pick<Core, 'events' | 'dispatch'>, show: () => void) {
  const shown = new Set<Notification>();
  const unsubscribe = watchJobEnds(core, { face: 'desktop', peer: 'job-notifier' }, (n) => {
    if (!Notification.isSupported()) return;
    const note = new Notification({ title: n.title, body: n.body, silent: true });
    note.on('click', () => {
      shown.delete(note);
      show();
    });
    note.on('close', () => shown.delete(note));
    shown.add(note);
    note.show();
  });
  return {
    destroy() {
      unsubscribe();
      for (const note of shown) note.close();
      shown.clear();
    },
  };
}
