/**
 * Notifications in the headless face: the browser's Notification API and a short WebAudio tone. The desktop
 * face notifies natively from the core, so nothing here runs in Electron (two notifications per alert would
 * teach the technician to ignore both).
 */
import type { AlertSettings } from '../../shared/alert-settings';
import { transportKind } from '../api';
import { type Notice, noticeTarget, wantsSound } from './notices';

export type Permission = NotificationPermission | 'unsupported' | 'desktop';

export function notificationPermission(): Permission {
  if (transportKind() === 'bridge') return 'desktop';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/** Asks the browser; only ever called from a click (browsers refuse, and technicians resent, a prompt on load). */
export async function requestNotificationPermission(): Promise<Permission> {
  if (notificationPermission() === 'unsupported' || notificationPermission() === 'desktop') {
    return notificationPermission();
  }
  return Notification.requestPermission();
}

export type NoticeEffects = {
  openRig(id: string): void;
  openAlerts(): void;
  settings(): AlertSettings | null;
};

/** Shows each notice when the browser allows it, and sounds the tone whether or not it does. */
export function showNotices(notices: readonly Notice[], fx: NoticeEffects): void {
  const permission = notificationPermission();
  if (permission === 'desktop') return;
  if (notices.some((n) => wantsSound(n, fx.settings()))) playTone();
  if (permission !== 'granted') return;
  for (const n of notices) {
    const shown = new Notification(n.title, { body: n.body, tag: n.title });
    shown.onclick = () => {
      window.focus();
      const target = noticeTarget(n);
      if ('rigId' in target) fx.openRig(target.rigId);
      else fx.openAlerts();
      shown.close();
    };
  }
}

let audio: AudioContext | null = null;

/** Two short beeps, generated: no sound file to ship or load. */
export function playTone(): void {
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  const t = audio.currentTime;
  for (const start of [t, t + 0.25]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.18);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + 0.2);
  }
}
