// `npm run demo`: the virtual farm's `demo` scenario plus RigDeck's headless face pointed at it, on a fresh data
// directory: the farm's miners are found by a real scan and registered, then the URL and credentials are printed.
// This launcher is the one place that joins the two programs; RigDeck's own code never imports sim/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { IP_REPORT_PORT } from '../electron/discovery/ip-report';
import { targetList } from '../electron/discovery/targets';
import { createNodeCore } from '../electron/headless-core';
import { startServer } from '../electron/server';
import { startFarm } from './index';

const STATIC_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, data: { type: 'string' }, speed: { type: 'string' } },
    strict: true,
  });
  const farm = await startFarm({ scenario: 'demo', speed: values.speed ? Number(values.speed) : 1 });
  const dataDir = values.data ?? mkdtempSync(join(tmpdir(), 'rigdeck-demo-'));
  // The farm sends IP Reports to loopback, so the demo listens there (a real farm: 0.0.0.0).
  const core = createNodeCore({ dataDir, ipReport: { address: '127.0.0.1', port: IP_REPORT_PORT } });
  const ph = farm.prohashing;
  if (ph) {
    // Point the pool connector at the farm's ProHashing fake, as a technician would with the real account.
    core.settings.update({ pool: { accountName: ph.account, restUrl: `${ph.url}/api/v1`, wsUrl: ph.wsUrl } });
    const r = await core.dispatch(
      'pool.configure',
      { apiKey: ph.apiKey },
      { face: 'headless', peer: 'demo' },
    );
    if (!r.ok) throw new Error(`pool.configure: ${r.error.message}`);
  }

  const ab = farm.abacus;
  if (ab) {
    // Ready to try, but off: the built-in engine is the default and the demo works offline. Ticking "Use
    // Abacus.AI" on the Settings page streams to the fake and merges its predictions.
    core.settings.update({
      abacus: {
        enabled: false,
        baseUrl: ab.url,
        deploymentId: ab.deploymentId,
        featureGroupId: ab.featureGroupId,
      },
    });
    const r = await core.dispatch(
      'abacus.configure',
      { deploymentToken: ab.deploymentToken, streamingToken: ab.streamingToken },
      { face: 'headless', peer: 'demo' },
    );
    if (!r.ok) throw new Error(`abacus.configure: ${r.error.message}`);
  }

  const targets = targetList(
    farm.rigs.map((r) => ({ host: r.ip, httpPort: r.httpPort, rpcPort: r.rpcPort })),
  );
  let added = 0;
  const scan = core.discovery.scan(targets, {}, (e) => {
    if (
      e.type === 'found' &&
      e.device.kind === 'vnish' &&
      core.registry.upsert(e.device, Date.now()).change === 'added'
    ) {
      added++;
    }
  });
  await scan.done;
  // Started after the rigs are registered, so the collector polls them from its first cycle.
  await core.start();

  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: values.port ? Number(values.port) : 4280,
    staticDir: STATIC_DIR,
  });
  console.log(`RigDeck demo: ${server.url}`);
  console.log(
    `  virtual farm "demo": ${farm.rigs.length} miners (${farm.addressingMode}), ${added} Vnish miners registered`,
  );
  console.log(`  data directory: ${dataDir}`);
  console.log(`  miner web password: admin (Vnish default)`);
  if (ph) console.log(`  ProHashing fake: ${ph.url}  account "${ph.account}"  API key ${ph.apiKey}`);
  if (ab) console.log(`  Abacus.AI fake: ${ab.url}  (configured, off: enable it on the Settings page)`);
  if (farm.control) console.log(`  farm control API: ${farm.control.url}`);
  console.log('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  await core.stop();
  await farm.stop();
}

main().catch((err: unknown) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
