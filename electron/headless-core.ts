import type { Face } from '../shared/contract';
import type { Logger } from './contract/dispatch';
import { type Core, type CoreOptions, createCore } from './core';
import { createLogger, levelFromEnv } from './log/logger';
import { keyFileCipher } from './secrets/key-file-cipher';
import { openNodeSettingsStore } from './settings/node-store';

export type NodeCoreOptions = {
  dataDir: string;
  face?: Face;
  log?: Logger;
  now?: () => number;
  ipReport?: { address: string; port: number } | null;
  collector?: CoreOptions['collector'];
};

/** The core with the plain-Node adapters (conf for settings, a key file for secrets): headless face, CLI, tests. */
export function createNodeCore(options: NodeCoreOptions): Core {
  // pino at the level RIGDECK_LOG_LEVEL asks (info by default): library chatter at debug stays out of the log.
  const log = options.log ?? createLogger({ level: levelFromEnv(process.env) });
  return createCore({
    face: options.face ?? 'headless',
    dataDir: options.dataDir,
    openSettingsStore: (dir) => openNodeSettingsStore(dir, log),
    openCipher: keyFileCipher,
    log,
    ipReport: options.ipReport ?? null,
    ...(options.collector ? { collector: options.collector } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
