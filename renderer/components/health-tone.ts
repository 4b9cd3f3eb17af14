import type { HealthState, Severity } from '../../shared/health';

/** Colour classes for health and severity; the word is always shown beside the colour. */
export const healthTone: Record<HealthState, string> = {
  ok: 'ok',
  warning: 'warn',
  critical: 'bad',
  unknown: 'muted',
};

export const severityTone: Record<Severity, string> = { info: 'muted', warning: 'warn', critical: 'bad' };

export const healthWord: Record<HealthState, string> = {
  ok: 'OK',
  warning: 'Warning',
  critical: 'Critical',
  unknown: 'Unknown',
};

export const severityWord: Record<Severity, string> = {
  info: 'Info',
  warning: 'Warning',
  critical: 'Critical',
};
