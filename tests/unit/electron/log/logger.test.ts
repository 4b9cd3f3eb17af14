// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { createLogger, levelFromEnv } from '../../../../electron/log/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = {
    write(msg: string) {
      for (const l of msg.split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
    },
  };
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes one JSON line per call, with its level, console-style text and an error as err', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'debug', destination });
    log.info('listening on %s', 'http://127.0.0.1:4280/');
    log.error('[rigdeck] settings.update failed', new Error('disk full'));
    log.debug?.('[autobahn]', 'connection closed', { reason: 'lost', detail: 'line 1\nline 2' });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'listening on http://127.0.0.1:4280/',
      name: 'rigdeck',
    });
    expect(lines[1]).toMatchObject({ level: 50, msg: '[rigdeck] settings.update failed' });
    expect(lines[1]?.['err']).toMatchObject({ message: 'disk full', type: 'Error' });
    expect(lines[2]).toMatchObject({ level: 20 });
    expect(String(lines[2]?.['msg'])).toContain('connection closed');
  });

  it('drops what is below its level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'warn', destination });
    log.debug?.('noise');
    log.info('chatter');
    log.warn('worth a look');
    expect(lines.map((l) => l['msg'])).toEqual(['worth a look']);
  });
});

describe('levelFromEnv', () => {
  it('reads RIGDECK_LOG_LEVEL, and ignores what is not a level', () => {
    expect(levelFromEnv({ RIGDECK_LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(levelFromEnv({ RIGDECK_LOG_LEVEL: 'loud' })).toBe('info');
    expect(levelFromEnv({}, 'warn')).toBe('warn');
  });
});
