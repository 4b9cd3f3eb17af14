import { parseArgs } from 'node:util';

import type { EventPayload, Req } from '../../shared/contract';
import type { DiscoveredDevice } from '../../shared/discovery';
import type { Core } from '../core';
import { createNodeCore } from '../headless-core';
import { UsageError, helpOption } from './args';
import { call } from './call';
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
  const connectTimeoutMs = positiveInt(values.timeout, '--timeout');
  const concurrency = positiveInt(values.concurrency, '--concurrency');

  const core = createNodeCore({
    face: 'cli',
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    const found: DiscoveredDevice[] = [];
    const { summary, cancelled } = await runScan(
      core,
      {
        targets: positionals,
        ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
        ...(concurrency ? { concurrency } : {}),
      },
      (device) => {
        found.push(device);
        console.log(values.json ? JSON.stringify(jsonLine(device)) : textLine(device));
      },
    );
    if (summary.error !== null) throw new Error(summary.error);
    const k = summary.byKind;
    console.error(
      `Scanned ${summary.done} of ${summary.total} addresses in ${(summary.elapsedMs / 1000).toFixed(1)} s: ` +
        `${k.vnish} Vnish, ${k.unsupported} unsupported, ${k.unknown} unknown${cancelled ? ' (cancelled)' : ''}.`,
    );
    if (values.add) {
      const addresses = found
        .filter((d) => d.kind === 'vnish')
        .map((d) => ({ ip: d.ip, port: d.port, ...(d.rpcPort !== null ? { rpcPort: d.rpcPort } : {}) }));
      const result =
        addresses.length > 0
          ? await call(core, 'fleet.add', { addresses })
          : { added: [], updated: [], failed: [] };
      for (const f of result.failed) console.error(`Not added ${f.ip}: ${f.reason}`);
      console.error(
        `Fleet in ${core.info.dataDir}: ${result.added.length} added, ${result.updated.length} already there.`,
      );
    }
    return 0;
  } finally {
    await core.stop();
  }
}

type ScanSummary = EventPayload<'discovery.done'>;

/**
 * Starts a scan through the contract and follows it on the event bus, as a face does: events are kept until the
 * scan's id is known, so none that arrive first is lost. Ctrl-C cancels it (through the contract too).
 */
async function runScan(
  core: Core,
  request: Req<'discovery.scan'>,
  onFound: (device: DiscoveredDevice) => void,
): Promise<{ summary: ScanSummary; cancelled: boolean }> {
  let scanId: string | null = null;
  let early: Array<{ id: string | null; device?: DiscoveredDevice; summary?: ScanSummary }> = [];
  let finish: (summary: ScanSummary) => void = () => undefined;
  const finished = new Promise<ScanSummary>((resolve) => (finish = resolve));
  const handle = (id: string | null, device?: DiscoveredDevice, summary?: ScanSummary) => {
    if (id !== scanId) return;
    if (device) onFound(device);
    if (summary) finish(summary);
  };
  const off = core.events.subscribe((name, payload) => {
    if (name !== 'discovery.found' && name !== 'discovery.done') return;
    const p = payload as EventPayload<'discovery.found'> | ScanSummary;
    const entry = 'device' in p ? { id: p.scanId, device: p.device } : { id: p.scanId, summary: p };
    if (scanId === null) early.push(entry);
    else handle(entry.id, entry.device, entry.summary);
  });
  let cancelled = false;
  const onSignal = () => {
    cancelled = true;
    if (scanId !== null) void call(core, 'discovery.cancel', { scanId });
  };
  process.once('SIGINT', onSignal);
  try {
    try {
      scanId = (await call(core, 'discovery.scan', request)).scanId;
    } catch (err) {
      // The contract speaks of `targets`; on the command line they are the positional arguments.
      if (err instanceof UsageError) throw new UsageError(err.message.replace(/^targets(\.\d+)?: /, ''));
      throw err;
    }
    for (const e of early) handle(e.id, e.device, e.summary);
    early = [];
    const summary = await finished;
    return { summary, cancelled: cancelled || summary.cancelled };
  } finally {
    process.off('SIGINT', onSignal);
    off();
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
