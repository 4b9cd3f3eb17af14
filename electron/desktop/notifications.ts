import { Notification } from 'electron';

import type { AlertNotification } from '../../shared/alerts';
import type { Core } from '../core';

/**
 * The desktop face's notifier: each grouped notification in alerts.changed becomes an OS notification, silent
 * unless it asks for sound (critical, with the sound setting on). Clicking one opens its rig, or the Alerts page
 * when it names several.
 */
export function createDesktopNotifier(core: Pick<Core, 'events'>, open: (rigId: string | null) => void) {
  // Shown notifications are kept referenced until closed: a collected one loses its click handler.
  const shown = new Set<Notification>();
  const show = (n: AlertNotification) => {
    const note = new Notification({
      title: n.title,
      body: n.body,
      silent: !n.sound,
      urgency: n.severity === 'critical' ? 'critical' : 'normal',
    });
    note.on('click', () => {
      shown.delete(note);
      open(n.rigIds.length === 1 ? (n.rigIds[0] ?? null) : null);
    });
    note.on('close', () => shown.delete(note));
    shown.add(note);
    note.show();
  };
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name !== 'alerts.changed' || !Notification.isSupported()) return;
    for (const n of (payload as { notify: AlertNotification[] }).notify) show(n);
  });
  return {
    destroy() {
      unsubscribe();
      for (const note of shown) note.close();
      shown.clear();
    },
  };
}
