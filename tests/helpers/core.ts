import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Core, createCore } from '../../electron/core';
import { openNodeSettingsStore } from '../../electron/settings/node-store';
import type { Face } from '../../shared/contract';

export const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function tempDir(prefix = 'rigdeck-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real core on a real data directory; only the log is silenced. */
export function makeCore(dataDir = tempDir(), face: Face = 'headless'): Core {
  return createCore({
    face,
    dataDir,
    openSettingsStore: (d) => openNodeSettingsStore(d, quietLog),
    log: quietLog,
  });
}
