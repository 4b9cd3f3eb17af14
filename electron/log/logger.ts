/**
 * The core's one logger: pino (JSON lines, levels) behind the console-shaped `Logger` the core already takes, so
 * call sites stay `log.warn('text', err)`. Errors among the arguments become pino's `err` field (with stack);
 * the rest is formatted like console does.
 */
import { format } from 'node:util';

import { type DestinationStream, type Level, pino } from 'pino';

import type { Logger } from '../contract/dispatch';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export type LoggerOptions = {
  level?: LogLevel;
  /** Where the JSON lines go; stdout by default. */
  destination?: DestinationStream;
};

export function createLogger(options: LoggerOptions = {}): Logger {
  const base = pino(
    { level: options.level ?? 'info', base: { name: 'rigdeck' } },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  const emit =
    (level: Level) =>
    (...args: unknown[]): void => {
      const err = args.find((a): a is Error => a instanceof Error);
      const msg = format(...args.filter((a) => a !== err));
      if (err) base[level]({ err }, msg);
      else base[level](msg);
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** The level from RIGDECK_LOG_LEVEL, else `fallback`; an unknown value is ignored rather than fatal. */
export function levelFromEnv(env: NodeJS.ProcessEnv, fallback: LogLevel = 'info'): LogLevel {
  const v = env['RIGDECK_LOG_LEVEL']?.trim().toLowerCase();
  return v !== undefined && isLogLevel(v) ? v : fallback;
}
