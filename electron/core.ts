/**
 * The composition root. Both faces build exactly this object and only wrap it in a transport: services are
 * created here from their dependencies, the contract's handlers are assembled here, and start/stop is owned here.
 */
import { mkdirSync } from 'node:fs';

import type { AppInfo, Face, Handlers } from '../shared/contract';
import { appHandlers } from './app/handlers';
import { type Dispatch, type Logger, createDispatcher } from './contract/dispatch';
import { type EventBus, createEventBus } from './contract/events';
import { settingsHandlers } from './settings/handlers';
import { type SettingsService, createSettingsService } from './settings/service';
import type { SettingsStore } from './settings/store';
import { APP_NAME, APP_VERSION } from './version';

export type CoreOptions = {
  face: Face;
  dataDir: string;
  /** Opened by the host: electron-store on the desktop, conf when headless. */
  openSettingsStore: (dataDir: string) => SettingsStore;
  log?: Logger;
  now?: () => number;
};

export type Core = {
  readonly info: AppInfo;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly settings: SettingsService;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createCore(options: CoreOptions): Core {
  const log = options.log ?? console;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const events = createEventBus();
  const settings = createSettingsService(options.openSettingsStore(options.dataDir), events, log);
  const info: AppInfo = {
    name: APP_NAME,
    version: APP_VERSION,
    face: options.face,
    dataDir: options.dataDir,
    platform: process.platform,
    startedAt: (options.now ?? Date.now)(),
  };

  // `satisfies Handlers` is what makes a new contract method a compile error until the core implements it.
  const handlers = {
    ...appHandlers(info),
    ...settingsHandlers(settings),
  } satisfies Handlers;

  let running = false;
  return {
    info,
    dispatch: createDispatcher(handlers, log),
    events,
    settings,
    async start() {
      running = true;
    },
    async stop() {
      if (!running) return;
      running = false;
    },
  };
}
