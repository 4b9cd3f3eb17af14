import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Core } from '../../electron/core';
import { createNodeCore } from '../../electron/headless-core';
import type { Face } from '../../shared/contract';

export const quietLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export function tempDir(prefix = 'rigdeck-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real core on a real data directory; only the log is silenced. */
export function makeCore(dataDir = tempDir(), face: Face = 'headless'): Core {
  return createNodeCore({ face, dataDir, log: quietLog });
}
