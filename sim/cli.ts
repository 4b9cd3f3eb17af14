// `npm run farm -- [--scenario demo|big|FILE] [--miners N --model L7|L9|L3+] [--base-ip 127.0.1.1 |
// --base-port P] [--speed X] [--seed S] [--service-port P]`: starts a farm and prints where
// everything listens.
import { parseArgs } from 'node:util';
import { parseModel } from './rig/models';
import { startFarm } from './farm/farm';
import { type FarmOptions } from './farm/types';

const USAGE = `usage: npm run farm -- [options]
  --scenario NAME|FILE   demo (default), big, or a scenario JSON file
  --miners N             a uniform fleet of N miners instead of a scenario
  --model L7|L9|L3+      model for --miners (default L7)
  --firmware V           Vnish version for --miners (default 1.3.4)
  --base-ip IP           first miner address (default 127.0.1.1, ports 80 and 4028)
  --base-port P          all miners on 127.0.0.1 from port P (HTTP P+2i, RPC P+2i+1)
  --speed X              simulated seconds per real second (default 1)
  --seed S               random seed (default: the scenario's)
  --service-port P       ProHashing on P, Abacus on P+1, control API on P+2 (default 17080)
  --quiet                print only the summary, not every miner`;

function fail(message: string): never {
  console.error(`farm: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: 'string' },
        miners: { type: 'string' },
        model: { type: 'string' },
        firmware: { type: 'string' },
        'base-ip': { type: 'string' },
        'base-port': { type: 'string' },
        speed: { type: 'string' },
        seed: { type: 'string' },
        'service-port': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const num = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number, got "${v}"`);
    return n;
  };
  if (values.miners !== undefined && values.scenario !== undefined) fail('use either --scenario or --miners');
  if (values['base-ip'] !== undefined && values['base-port'] !== undefined)
    fail('use either --base-ip or --base-port');
  const options: FarmOptions = { servicePort: num('service-port', values['service-port']) ?? 17080 };
  if (values.scenario !== undefined) options.scenario = values.scenario;
  const miners = num('miners', values.miners);
  if (miners !== undefined) options.miners = Math.floor(miners);
  if (values.model !== undefined) {
    try {
      options.model = parseModel(values.model);
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  }
  if (values.firmware !== undefined) options.firmware = values.firmware;
  if (values['base-ip'] !== undefined) options.baseIp = values['base-ip'];
  const basePort = num('base-port', values['base-port']);
  if (basePort !== undefined) options.basePort = basePort;
  const speed = num('speed', values.speed);
  if (speed !== undefined) options.speed = speed;
  if (values.seed !== undefined) options.seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;

  const farm = await startFarm(options);
  const rigs = farm.rigs;
  console.log(
    `virtual farm "${farm.scenario.name}": ${rigs.length} miners (${farm.addressingMode}), speed ×${options.speed ?? 1}`,
  );
  if (!values.quiet || rigs.length <= 60) {
    for (const r of rigs) {
      const rpc = r.rpcPort === 4028 ? `${r.ip}:4028` : `${r.ip}:${r.rpcPort}`;
      console.log(
        `  ${r.name.padEnd(12)} ${r.model.padEnd(4)} ${(r.kind === 'vnish' ? `Vnish ${r.firmware}` : r.kind).padEnd(14)} ${r.url.padEnd(24)} rpc ${rpc}  mac ${r.mac}`,
      );
    }
  } else {
    const first = rigs[0];
    const last = rigs[rigs.length - 1];
    if (first && last) console.log(`  miners ${first.url} … ${last.url}`);
  }
  if (farm.prohashing) {
    console.log(
      `ProHashing fake: ${farm.prohashing.url}/api/v1  WAMP ${farm.prohashing.wsUrl} (realm mining, WAMP-CRA web/web)`,
    );
    console.log(`  account "${farm.prohashing.account}", API key ${farm.prohashing.apiKey}`);
  }
  if (farm.abacus) {
    const a = farm.abacus;
    console.log(
      `Abacus.AI fake: ${a.url}/api/v0  deploymentId ${a.deploymentId} deploymentToken ${a.deploymentToken}`,
    );
    console.log(`  featureGroupId ${a.featureGroupId} streamingToken ${a.streamingToken}`);
  }
  if (farm.control)
    console.log(
      `control API: ${farm.control.url}  (GET /rigs, POST /rigs/NAME/faults, DELETE /rigs/NAME/faults[/KIND], POST /rigs/NAME/reboot, POST /rigs/NAME/ip-report)`,
    );
  console.log('Vnish web password: admin (unless the scenario says otherwise). Ctrl-C stops the farm.');
  const shutdown = (): void => {
    void farm.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(`farm: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
