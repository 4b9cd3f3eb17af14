/**
 * The end of a long or bulk job in the headless face: the browser's Notification API, as alerts use it
 * (renderer/alerts/browser-notifier.ts), when the technician has allowed it on the Alerts page. The desktop face
 * notifies from the core (electron/desktop/notifications.ts), so nothing shows here in Electron.
 */
import type { JobNotice } from '../../shared/job-notice';
import { notificationPermission } from '../alerts/browser-notifier';

export function showJobNotice(n: JobNotice, openJobs: () => void): void {
  if (notificationPermission() !== 'granted') return;
  const shown = new Notification(n.title, { body: n.body, tag: `job-${n.jobId}` });
  shown.onclick = () => {
    window.focus();
    openJobs();
    shown.close();
  };
}
