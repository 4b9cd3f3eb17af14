import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createNodeCore } from '../headless-core';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../server';
import { IP_REPORT_PORT } from '../discovery/ip-report';
import { createLogger, levelFromEnv } from '../log/logger';
import { UsageError, helpOption, parsePort } from './args';
import { resolveDataDir } from './data-dir';
import { createStatsFile } from './stats-file';

export const serveHelp = `Usage: npm run serve -- [--port P] [--host H] [--data DIR] [--allow-host NAME] [--allow-origin URL]

Serves RigDeck's UI and API to browsers (the headless face).
  --port P          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H          address to listen on (default ${DEFAULT_HOST}). Anything but loopback
                    requires a password: npm run rigdeck -- passwd
  --data DIR        data directory (default: the desktop app's, per platform)
  --ui DIR          the built UI to serve (default dist/renderer)
  --allow-host NAME also answer requests whose Host header is NAME (repeatable); besides it,
                    only loopback names, the --host address and the address a request
                    arrived on are answered (against DNS rebinding)
  --allow-origin U  also accept browser pages from origin U (repeatable)
  --ip-report P|off UDP port for the miners' IP Report button (default ${IP_REPORT_PORT}), or off
  --metrics         serve Prometheus metrics at /metrics (behind the password when one is set)
  --stats-file F    append a JSON line every 5 s to F: memory and poll durations (for soak runs)
  --mdns ADDR       announce this server as _rigdeck._tcp and browse for miners over mDNS on the
                    interface with IPv4 address ADDR (off by default)
The log goes to standard output as JSON lines (pino); RIGDECK_LOG_LEVEL=debug|info|warn|error|silent
sets how much (default info).`;

// electron/cli/serve.ts and the bundle dist/cli/*.js both sit two levels below the root.
const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

export async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      ui: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'allow-host': { type: 'string', multiple: true },
      'ip-report': { type: 'string' },
      mdns: { type: 'string' },
      metrics: { type: 'boolean' },
      'stats-file': { type: 'string' },
      ...helpOption,
    },
  });
  if (values.help) {
    console.log(serveHelp);
    return 0;
  }
  const staticDir = values.ui ?? STATIC_DIR;
  if (!existsSync(staticDir))
    throw new UsageError(`The UI is not built (${staticDir}); run "npm run build:renderer".`);
  const dataDir = resolveDataDir(values.data);
  const log = createLogger({ level: levelFromEnv(process.env) });
  const stats = values['stats-file'] ? createStatsFile(values['stats-file']) : null;
  const core = createNodeCore({
    dataDir,
    log,
    ipReport: parseIpReport(values['ip-report']),
    ...(stats ? { collector: { observer: stats.observer } } : {}),
  });
  await core.start();
  stats?.start(() => core.collector.stats());
  const server = await startServer({
    core,
    host: values.host ?? DEFAULT_HOST,
    port: parsePort(values.port as string | undefined, DEFAULT_PORT),
    staticDir,
    allowedOrigins: values['allow-origin'] ?? [],
    allowedHosts: values['allow-host'] ?? [],
    metrics: values.metrics ?? false,
    log,
  }).catch(async (err: unknown) => {
    await core.stop();
    throw err;
  });
  console.log(`RigDeck headless server listening on ${server.url}`);
  console.log(`Data directory: ${dataDir}`);
  if (values.mdns) {
    // One explicit interface: multicast never goes out of every NIC by default.
    core.discovery.publish({ interface: values.mdns, port: server.port, version: core.info.version });
    core.discovery.startMdns({ interface: values.mdns }, (device) => core.announce(device));
    console.log(`mDNS: announcing _rigdeck._tcp and browsing for miners on ${values.mdns}`);
  }

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await core.stop();
  stats?.stop();
  return 0;
}

function parseIpReport(value: string | undefined): { address: string; port: number } | null {
  if (value === 'off') return null;
  return { address: '0.0.0.0', port: parsePort(value, IP_REPORT_PORT) };
}
