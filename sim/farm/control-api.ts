// The simulator's own control API (not part of the Vnish API): list rigs, inject and clear faults,
// reboot, send an IP Report, and advance a manual clock. JSON over HTTP on 127.0.0.1.
import { z } from 'zod';
import { faultSchema, FAULT_KINDS, type FaultKind } from './faults';
import { closeServer, jsonServer, listenLoopback, readJson, sendJson } from './http-json';
import { type FarmService } from './services';
import { type Farm, type ServiceInfo } from './types';

const ipReportBody = z
  .object({
    target: z.string().default('127.0.0.1'),
    port: z.number().int().min(1).max(65535).default(14235),
  })
  .prefault({});

const quirksBody = z.object({
  numericStrings: z.boolean().optional(),
  nulls: z.boolean().optional(),
  html: z.boolean().optional(),
  wrongKeyHttpStatus: z.union([z.literal(200), z.literal(400)]).optional(),
  walletKey: z.enum(['name', 'symbol']).optional(),
});

function rigState(farm: Farm, name: string): unknown {
  const r = farm.rig(name);
  return {
    name: r.name,
    model: r.model.code,
    kind: r.kind,
    firmware: r.fw.version,
    ip: r.ip,
    mac: r.mac,
    state: r.phase.state,
    power: r.power.kind,
    hashrate_mhs: Math.round(r.hrRealtime),
    power_w: r.powerW,
    chip_max: Math.round(Math.max(...r.chains.map((c) => c.chipTemp))),
    faults: r.faults,
  };
}

export async function startControlApi(o: {
  farm: Farm;
  port: number;
}): Promise<{ info: ServiceInfo; service: FarmService }> {
  const { farm } = o;
  const server = jsonServer(async (req, url, res) => {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/farm') {
      sendJson(res, 200, {
        scenario: farm.scenario.name,
        now: farm.now(),
        addressing: farm.addressingMode,
        prohashing: farm.prohashing,
        abacus: farm.abacus,
        faultKinds: FAULT_KINDS,
      });
      return;
    }
    if (method === 'GET' && url.pathname === '/rigs') {
      sendJson(res, 200, farm.rigs);
      return;
    }
    if (method === 'POST' && url.pathname === '/advance') {
      const body = z.object({ seconds: z.number().positive() }).safeParse(await readJson(req));
      if (!body.success) return sendJson(res, 400, { error: 'expected {"seconds": number}' });
      try {
        await farm.advance(body.data.seconds);
      } catch (e) {
        return sendJson(res, 409, { error: e instanceof Error ? e.message : String(e) });
      }
      return sendJson(res, 200, { now: farm.now() });
    }
    if (method === 'POST' && url.pathname === '/prohashing/quirks') {
      const body = quirksBody.safeParse(await readJson(req));
      if (!body.success)
        return sendJson(res, 400, {
          error:
            'expected {numericStrings?, nulls?, html?, wrongKeyHttpStatus?: 200|400, walletKey?: "name"|"symbol"}',
        });
      const q: Parameters<Farm['setProHashingQuirks']>[0] = {};
      for (const [k, v] of Object.entries(body.data)) if (v !== undefined) Object.assign(q, { [k]: v });
      const now = farm.setProHashingQuirks(q);
      return now ? sendJson(res, 200, now) : sendJson(res, 404, { error: 'ProHashing fake not running' });
    }
    if (parts[0] !== 'rigs' || parts[1] === undefined) return sendJson(res, 404, { error: 'not found' });
    const name = parts[1];
    try {
      farm.rig(name);
    } catch {
      return sendJson(res, 404, { error: `no rig named "${name}"` });
    }
    const action = parts[2];
    if (method === 'GET' && action === undefined) return sendJson(res, 200, rigState(farm, name));
    if (method === 'POST' && action === 'faults') {
      const parsed = faultSchema.safeParse(await readJson(req));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return sendJson(res, 400, {
          error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
          kinds: FAULT_KINDS,
        });
      }
      farm.applyFault(name, parsed.data);
      return sendJson(res, 200, rigState(farm, name));
    }
    if (method === 'DELETE' && action === 'faults') {
      const kind = parts[3] ?? 'all';
      if (kind !== 'all' && !(FAULT_KINDS as readonly string[]).includes(kind))
        return sendJson(res, 400, { error: `unknown fault kind ${kind}` });
      farm.clearFault(name, kind as FaultKind | 'all');
      return sendJson(res, 200, rigState(farm, name));
    }
    if (method === 'POST' && action === 'reboot') {
      farm.reboot(name);
      return sendJson(res, 200, rigState(farm, name));
    }
    if (method === 'POST' && action === 'ip-report') {
      const body = ipReportBody.safeParse((await readJson(req)) ?? {});
      if (!body.success)
        return sendJson(res, 400, { error: 'expected {"target"?: loopback ip, "port"?: number}' });
      try {
        await farm.ipReport(name, body.data.target, body.data.port);
      } catch (e) {
        return sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
      }
      return sendJson(res, 200, { sent: true });
    }
    sendJson(res, 404, { error: 'not found' });
  });
  const url = await listenLoopback(server, o.port);
  return { info: { url }, service: { tick: () => undefined, close: () => closeServer(server) } };
}
