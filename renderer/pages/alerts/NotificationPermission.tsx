import { useState } from 'react';

import {
  type Permission,
  notificationPermission,
  requestNotificationPermission,
} from '../../alerts/browser-notifier';

const said: Record<Exclude<Permission, 'default'>, string> = {
  granted: 'Browser notifications are on for this browser.',
  denied: 'Notifications are blocked in this browser’s site settings; allow them there to be notified.',
  unsupported:
    'This page cannot show notifications (browsers allow them over HTTPS or on localhost only); alerts still appear here and in the badge.',
  desktop: 'The desktop app shows alerts as system notifications.',
};

/** Asks for notification permission only when the technician presses the button, never on load. */
export function NotificationPermission() {
  const [permission, setPermission] = useState<Permission>(notificationPermission);
  return (
    <p className="notify-permission" data-testid="notify-permission">
      {permission === 'default' ? (
        <button
          type="button"
          className="secondary"
          onClick={() => void requestNotificationPermission().then(setPermission)}
        >
          Enable browser notifications
        </button>
      ) : (
        <span className="muted">{said[permission]}</span>
      )}
    </p>
  );
}
