/**
 * The composition root. Both faces build exactly this object and only wrap it in a transport: services are
 * created here from their dependencies, the contract's handlers are assembled here, and start/stop is owned here.
 */
import { mkdirSync } from 'node:fs';

import type { AppInfo, Face, Handlers } from '../shared/contract';
import type { DiscoveredDevice } from '../shared/discovery';
import { fleetChange } from '../shared/fleet';
import { alertHandlers } from './alerts/handlers';
import { type CoreAlerts, createCoreAlerts } from './alerts/wire';
import { appHandlers } from './app/handlers';
import { discoveryHandlers, withRigId } from './discovery/handlers';
import { isPrivateIpv4 } from './discovery/ipv4';
import { type Discovery, createDiscovery } from './discovery/service';
import { type Collector, type CollectorDeps, createCollector } from './collector/collector';
import { fleetHandlers } from './fleet/handlers';
import { type Passwords, createPasswords } from './fleet/passwords';
import { withWorkerNames } from './fleet/worker-names';
import { type Registry, createRegistry } from './fleet/registry';
import type { Cipher } from './secrets/cipher';
import { createPoolConnection } from './pool/connection';
import { poolHandlers } from './pool/handlers';
import { createSwitchableFeed } from './pool/switchable-feed';
import { openVault } from './secrets/vault';
import { type Db, openDb } from './store/db';
import { createHistoryStore } from './store/history';
import type { HistoryStore } from './store/history-types';
import { telemetryHandlers } from './telemetry/handlers';
import { type CoreFeatures, createCoreFeatures } from './core-features';
import { createCoreFlows } from './core-flows';
import { type Dispatch, type Logger, createDispatcher, errorMessage } from './contract/dispatch';
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
  /** Seals secrets at rest: the OS keychain on the desktop, a key file when headless. */
  openCipher: (dataDir: string) => Cipher;
  /** Where the SQL migrations are; the bundled desktop app passes its own path. */
  migrationsDir?: string;
  /** Collector tuning for tests and benchmarks (short intervals, thresholds); production uses the settings. */
  collector?: Pick<CollectorDeps, 'overrides' | 'clock' | 'observer'>;
  /** Listen for the miners' "IP Report" button (UDP); null keeps it off (tests, a second instance). */
  ipReport?: { address: string; port: number } | null;
  log?: Logger;
  now?: () => number;
};

export type Core = {
  readonly info: AppInfo;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly registry: Registry;
  readonly passwords: Passwords;
  readonly db: Db;
  readonly discovery: Discovery;
  readonly collector: Collector;
  readonly history: HistoryStore;
  readonly alerts: CoreAlerts;
  /** Abacus.AI (optional): `abacus.latestRecommendations` is the source the built-in engine merges. */
  readonly abacus: Pick<CoreFeatures['abacus'], 'latestRecommendations' | 'service'>;
  /** A device that announced itself (IP Report, mDNS): shown on the Discovery page; a known rig that moved is updated. */
  announce(device: DiscoveredDevice): void;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createCore(options: CoreOptions): Core {
  const log = options.log ?? console;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const events = createEventBus();
  const now = options.now ?? Date.now;
  const settings = createSettingsService(options.openSettingsStore(options.dataDir), log);
  const db = openDb(options.dataDir, options.migrationsDir);
  const vault = openVault(options.dataDir, options.openCipher(options.dataDir), log);
  const passwords = createPasswords(vault);
  const registry = createRegistry(db, passwords.hasOwn);
  const discovery = createDiscovery({ log });
  const history = createHistoryStore(db);
  const feed = createSwitchableFeed(now);
  const pool = createPoolConnection(vault, feed, () => settings.get().pool, log);
  const { pollIntervalSec, retention, health } = settings.get();
  const collector = createCollector({
    history,
    passwordFor: passwords.forRig,
    pool: withWorkerNames(feed, { registry, now, announce: (change) => flows.fleetChanged(change) }),
    settings: { pollIntervalSec, retention, health },
    ...(options.collector ?? {}),
  });
  const alerts = createCoreAlerts({ db, events, settings, registry, now, log });
  const { dataDir } = options;
  const features = createCoreFeatures({
    db,
    vault,
    registry,
    collector,
    passwords,
    settings,
    events,
    history,
    feed,
    pool,
    dataDir,
    now,
    log,
  });
  const { control, abacus } = features;
  const flows = createCoreFlows({ events, registry, collector, pool, feed });
  settings.subscribe(flows.settingsChanged);
  const info = appInfo(options, now());

  // `satisfies Handlers` is what makes a new contract method a compile error until the core implements it.
  const handlers = {
    ...appHandlers(info),
    ...settingsHandlers(settings),
    ...fleetHandlers({
      registry,
      passwords,
      fleetChanged: flows.fleetChanged,
      identify: (a) => discovery.identifyAt(a.ip, { httpPort: a.port, rpcPort: a.rpcPort, source: 'manual' }),
      now,
    }),
    ...discoveryHandlers({ discovery, registry, settings, events }),
    ...telemetryHandlers({ collector, history, registry, now }),
    ...poolHandlers(pool, feed),
    ...alertHandlers(alerts.service),
    ...features.handlers,
  } satisfies Handlers;

  /** A miner that announced itself: shown on the Discovery page, and a known rig at a new address is updated. */
  const onAnnounced = (device: DiscoveredDevice) => {
    const marked = withRigId(registry, device);
    events.emit('discovery.found', { scanId: null, device: marked });
    if (marked.rigId && marked.kind === 'vnish') {
      const { rig, change } = registry.upsert(marked, now());
      if (change === 'updated') flows.fleetChanged(fleetChange({ updated: [rig] }));
    }
  };

  let running = false;
  let stopped = false;
  return {
    info,
    dispatch: createDispatcher(handlers, log),
    events,
    settings,
    registry,
    passwords,
    db,
    discovery,
    collector,
    history,
    alerts,
    abacus,
    announce: onAnnounced,
    async start() {
      running = true;
      control.jobs.recover(); // first: a job left running by a stopped RigDeck is interrupted, not resumed
      flows.start();
      alerts.start(collector);
      collector.setRigs(registry.list());
      collector.start();
      pool.start();
      features.start();
      if (options.ipReport) await listenIpReport(discovery, options.ipReport, onAnnounced, log);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      control.stop(); // no rig starts after this, no upload is held open
      if (running) {
        running = false;
        flows.stop();
        alerts.stop();
        features.stop();
        await pool.stop();
        await collector.stop();
      }
      await discovery.close();
      db.$client.close();
    },
  };
}

/** The miners' IP Report button (UDP): heard from the LAN's private ranges and loopback (the demo farm). */
async function listenIpReport(
  discovery: Discovery,
  at: { address: string; port: number },
  onAnnounced: (device: DiscoveredDevice) => void,
  log: Logger,
): Promise<void> {
  try {
    const allowIp = (ip: string) => isPrivateIpv4(ip) || ip.startsWith('127.');
    await discovery.startIpReport(onAnnounced, { ...at, allowIp });
  } catch (err) {
    // Another RigDeck (or the desktop app) may hold the port; scanning still works without it.
    log.warn(`[rigdeck] IP Report listener not started on UDP ${at.port}: ${errorMessage(err)}`);
  }
}

function appInfo(options: Pick<CoreOptions, 'face' | 'dataDir'>, startedAt: number): AppInfo {
  const { face, dataDir } = options;
  return { name: APP_NAME, version: APP_VERSION, face, dataDir, platform: process.platform, startedAt };
}
