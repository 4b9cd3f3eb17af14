// startFarm: builds the rigs from a scenario, opens their sockets, runs one tick loop for the
// whole farm (no per-rig timers), fires scenario events, and starts the side services.
import { type Socket } from 'node:net';
import { createRng } from '../util/random';
import { type Clock, manualClock, type ManualClock, scaledClock } from '../util/clock';
import { DEFAULT_FAILURE_CODES, DEFAULT_TIMING } from '../rig/machine';
import { createRig } from '../rig/create';
import { isReachable, scheduleReboot, stepRig, type StepEnv } from '../rig/step';
import { type Rig } from '../rig/types';
import { DEFAULT_AUTH_POLICY, newAuthState, type AuthState } from '../vnish/auth';
import { apiDocBytes } from '../vnish/api-docs';
import { type VnishEnv } from '../vnish/context';
import { loadScenario, uniformScenario } from '../scenario/load';
import { expandScenario } from '../scenario/expand';
import { type Scenario, toSeconds } from '../scenario/schema';
import { addressFor, chooseAddressing } from './addressing';
import { createEndpoint, type Endpoint } from './endpoint';
import { applyFault, clearFault } from './faults';
import { sendIpReport } from './ip-report';
import { type FarmService } from './services';
import { type Farm, type FarmOptions, type RigInfo } from './types';
import { startProHashing } from '../prohashing/server';
import { startAbacus } from '../abacus/server';
import { startControlApi } from './control-api';

const MAX_SUBSTEP_SEC = 5;

function resolveScenario(o: FarmOptions): Scenario {
  if (o.miners !== undefined) return uniformScenario(o.miners, o.model ?? 'L7', o.firmware);
  if (typeof o.scenario === 'object') return o.scenario;
  return loadScenario(o.scenario ?? 'demo');
}

export async function startFarm(options: FarmOptions = {}): Promise<Farm> {
  const scenario = resolveScenario(options);
  const seed = options.seed ?? scenario.seed;
  const rng = createRng(seed);
  const manual: ManualClock | null = options.clock === 'manual' ? manualClock(options.startTime) : null;
  const clock: Clock = manual ?? scaledClock(options.speed ?? 1, options.startTime);
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const codes = { ...DEFAULT_FAILURE_CODES, ...options.failureCodes };
  const authPolicy = { ...DEFAULT_AUTH_POLICY, ...options.authPolicy };
  const addressing = await chooseAddressing({
    ...(options.baseIp !== undefined ? { baseIp: options.baseIp } : {}),
    ...(options.basePort !== undefined ? { basePort: options.basePort } : {}),
  });
  const start = clock.now();
  const inits = expandScenario(scenario, (i) => addressFor(addressing, i).ip);
  const rigs: Rig[] = inits.map((init) =>
    createRig(init, rng.fork(`rig:${init.name}`), start, scenario.ambient, timing),
  );
  const byName = new Map(rigs.map((r) => [r.name, r]));
  const auth = new Map<number, AuthState>();
  const held = new Set<Socket>();
  const env: VnishEnv = {
    now: () => clock.now(),
    timing,
    codes,
    rng: rng.fork('http'),
    authPolicy,
    poolDiff: scenario.pool.diff,
    apiDoc: apiDocBytes,
  };
  const httpDeps = {
    env,
    held,
    authFor(rig: Rig): AuthState {
      let a = auth.get(rig.index);
      if (!a) auth.set(rig.index, (a = newAuthState()));
      return a;
    },
  };
  const rpcDeps = { now: () => clock.now(), poolDiff: scenario.pool.diff, held };
  const endpoints: Endpoint[] = rigs.map((rig) =>
    createEndpoint(rig, addressFor(addressing, rig.index), httpDeps, rpcDeps),
  );
  const stepEnvRng = rng.fork('step');

  const services: FarmService[] = [];
  const want = { prohashing: true, abacus: true, control: true, ...options.services };
  const base = options.servicePort ?? 0;
  const portAt = (k: number): number => (base === 0 ? 0 : base + k);

  // Open sockets in batches: 1,000 rigs × 2 listeners is fine, but not all in one tick.
  for (let i = 0; i < endpoints.length; i += 100) {
    await Promise.all(endpoints.slice(i, i + 100).map((e) => e.open()));
  }

  const pending = new Map<number, Promise<void>>();
  const syncEndpoint = (rig: Rig): void => {
    const ep = endpoints[rig.index];
    if (!ep || pending.has(rig.index)) return;
    const want = isReachable(rig);
    if (want === ep.isOpen()) return;
    const p = (want ? ep.open() : ep.close())
      .catch((e: unknown) =>
        console.error(`farm: ${rig.name}: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        pending.delete(rig.index);
        if (isReachable(rig) !== ep.isOpen()) syncEndpoint(rig);
      });
    pending.set(rig.index, p);
  };

  const events = scenario.events
    .map((e) => ({ ...e, atMs: start + toSeconds(e.at) * 1000 }))
    .sort((a, b) => a.atMs - b.atMs);
  let nextEvent = 0;
  const getRig = (name: string): Rig => {
    const rig = byName.get(name);
    if (!rig) throw new Error(`no rig named "${name}"`);
    return rig;
  };
  const fireEvents = (now: number): void => {
    while (nextEvent < events.length && (events[nextEvent]?.atMs ?? Infinity) <= now) {
      const e = events[nextEvent++];
      if (!e) break;
      const rig = byName.get(e.rig);
      if (!rig) continue;
      if (e.fault) rig.faults = applyFault(rig.faults, e.fault);
      else if (e.clear) rig.faults = clearFault(rig.faults, e.clear);
      else if (e.action === 'reboot') scheduleReboot(rig, now, timing);
      else if (e.action === 'ip-report') void sendIpReport(rig.ip, rig.mac).catch(() => undefined);
    }
  };

  let last = start;
  const tickTo = (now: number): void => {
    let t = last;
    while (t < now) {
      const dt = Math.min(MAX_SUBSTEP_SEC * 1000, now - t);
      t += dt;
      fireEvents(t);
      const stepEnv: StepEnv = {
        now: t,
        ambient: scenario.ambient,
        timing,
        codes,
        rng: stepEnvRng,
        poolDiff: scenario.pool.diff,
      };
      for (const rig of rigs) stepRig(rig, dt / 1000, stepEnv);
      for (const s of services) s.tick(t, dt / 1000, rigs);
    }
    last = Math.max(last, now);
    for (const rig of rigs) syncEndpoint(rig);
  };

  const prohashing = want.prohashing
    ? await startProHashing({
        scenario,
        port: portAt(0),
        rng: rng.fork('prohashing'),
        now: () => clock.now(),
      })
    : null;
  if (prohashing) services.push(prohashing.service);
  const abacus = want.abacus
    ? await startAbacus({
        port: portAt(1),
        rng: rng.fork('abacus'),
        ratePerSec: options.abacusRateLimit ?? 5,
        now: () => Date.now(),
      })
    : null;
  if (abacus) services.push(abacus.service);

  let timer: NodeJS.Timeout | null = null;
  if (!manual) {
    const tickMs = options.tickMs ?? Math.min(1000, Math.max(100, 1000 / (options.speed ?? 1)));
    timer = setInterval(() => tickTo(clock.now()), tickMs);
  }

  const info = (rig: Rig): RigInfo => {
    const a = addressFor(addressing, rig.index);
    return {
      name: rig.name,
      model: rig.model.code,
      kind: rig.kind,
      firmware: rig.fw.version,
      ip: a.ip,
      httpPort: a.httpPort,
      rpcPort: a.rpcPort,
      mac: rig.mac,
      serial: rig.serial,
      url: a.httpPort === 80 ? `http://${a.ip}` : `http://${a.ip}:${a.httpPort}`,
    };
  };

  const farm: Farm = {
    scenario,
    addressingMode: addressing.mode,
    get rigs() {
      return rigs.map(info);
    },
    prohashing: prohashing?.info ?? null,
    abacus: abacus?.info ?? null,
    control: null,
    now: () => clock.now(),
    rig: getRig,
    async advance(seconds) {
      if (!manual) throw new Error('advance() needs a manual clock (clock: "manual")');
      manual.advance(seconds * 1000);
      tickTo(manual.now());
      await farm.settle();
    },
    applyFault(name, fault) {
      const rig = getRig(name);
      rig.faults = applyFault(rig.faults, fault);
      syncEndpoint(rig);
    },
    clearFault(name, kind) {
      const rig = getRig(name);
      rig.faults = clearFault(rig.faults, kind);
      syncEndpoint(rig);
    },
    setProHashingQuirks(q) {
      if (!prohashing) return null;
      Object.assign(prohashing.quirks, q);
      return { ...prohashing.quirks };
    },
    reboot(name) {
      scheduleReboot(getRig(name), clock.now(), timing);
    },
    ipReport(name, target, port) {
      const rig = getRig(name);
      return sendIpReport(rig.ip, rig.mac, target, port);
    },
    async settle() {
      while (pending.size > 0) await Promise.all([...pending.values()]);
    },
    async stop() {
      if (timer) clearInterval(timer);
      for (const s of held) s.destroy();
      await farm.settle();
      await Promise.all(endpoints.map((e) => e.close()));
      await Promise.all(services.map((s) => s.close()));
    },
  };
  if (want.control) {
    const control = await startControlApi({ farm, port: portAt(2) });
    services.push(control.service);
    farm.control = control.info;
  }
  return farm;
}
