import { parseArgs } from 'node:util';

import type { DiscoveredDevice } from '../../shared/discovery';
import { createNodeCore } from '../headless-core';
import { TargetError, parseTargets } from '../discovery/targets';
import { UsageError, helpOption } from './args';
import { resolveDataDir } from './data-dir';

export const scanHelp = `Usage: npm run rigdeck -- scan <target>… [--json] [--timeout MS] [--concurrency N] [--add] [--data DIR]

Finds miners: CIDR ranges (10.0.0.0/24), a-b ranges (10.0.0.1-50), host[:port] entries.
  --json           one JSON object per device and line: ip, port, kind (vnish|unsupported|unknown),
                   firmware, version, model, mac, serial
  --timeout MS     how long a silent port waits before it counts as closed (default 500)
  --concurrency N  addresses probed at once (default 256)
  --add            register the Vnish miners found in the fleet of the data directory
  --data DIR       data directory (for --add)`;

export async function scan(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      timeout: { type: 'string' },
      concurrency: { type: 'string' },
      add: { type: 'boolean' },
      data: { type: 'string' },
      ...helpOption,
    },
  });
  if (values.help) {
    console.log(scanHelp);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('Give at least one target, e.g. 10.0.0.0/24.');
  let targets;
  try {
    targets = parseTargets(positionals);
  } catch (err) {
    if (err instanceof TargetError) throw new UsageError(err.message);
    throw err;
  }
  const connectTimeoutMs = positiveInt(values.timeout, '--timeout');
  const concurrency = positiveInt(values.concurrency, '--concurrency');

  const core = createNodeCore({
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  const found: DiscoveredDevice[] = [];
  try {
    const handle = core.discovery.scan(
      targets,
      { ...(connectTimeoutMs ? { connectTimeoutMs } : {}), ...(concurrency ? { concurrency } : {}) },
      (e) => {
        if (e.type !== 'found') return;
        found.push(e.device);
        console.log(values.json ? JSON.stringify(jsonLine(e.device)) : textLine(e.device));
      },
    );
    const onSignal = () => handle.cancel();
    process.once('SIGINT', onSignal);
    const summary = await handle.done;
    process.off('SIGINT', onSignal);
    const k = summary.byKind;
    console.error(
      `Scanned ${summary.done} of ${summary.total} addresses in ${(summary.elapsedMs / 1000).toFixed(1)} s: ` +
        `${k.vnish} Vnish, ${k.unsupported} unsupported, ${k.unknown} unknown${summary.cancelled ? ' (cancelled)' : ''}.`,
    );
    if (values.add) {
      let added = 0;
      let updated = 0;
      for (const device of found.filter((d) => d.kind === 'vnish')) {
        try {
          const { change } = core.registry.upsert(device, Date.now());
          if (change === 'added') added++;
          else if (change === 'updated') updated++;
        } catch (err) {
          console.error(`Not added ${device.ip}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      console.error(`Fleet in ${core.info.dataDir}: ${added} added, ${updated} updated.`);
    }
    return 0;
  } finally {
    await core.stop();
  }
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} must be a positive whole number, not "${value}".`);
  return n;
}

export function jsonLine(d: DiscoveredDevice) {
  return {
    ip: d.ip,
    port: d.port,
    kind: d.kind,
    firmware: d.firmware,
    version: d.version,
    model: d.model,
    mac: d.mac,
    serial: d.serial,
  };
}

function textLine(d: DiscoveredDevice): string {
  const addr = d.port === 80 ? d.ip : `${d.ip}:${d.port}`;
  const fw = d.firmware ? `${d.firmware}${d.version ? ` ${d.version}` : ''}` : '-';
  const tail = d.kind === 'vnish' ? `${d.mac ?? '-'}  ${d.serial ?? '-'}` : (d.reason ?? '');
  return [d.kind.padEnd(11), addr.padEnd(21), (d.model ?? '-').padEnd(16), fw.padEnd(16), tail].join(' ');
}
