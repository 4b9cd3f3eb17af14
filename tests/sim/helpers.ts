// Shared helpers for the virtual-farm tests: a manual-clock farm on loopback ports below the
// kernel ephemeral range (32768+), where the farm services bind, one range per test file; and small
// HTTP and RPC clients. Everything stays on 127.0.0.1.
import { connect } from 'node:net';
import { startFarm, type Farm, type FarmOptions, parseScenario } from '../../sim/index';

export type Rigish = { url: string; ip: string; rpcPort: number };

export async function testFarm(
  scenario: unknown,
  basePort: number,
  extra: Partial<FarmOptions> = {},
): Promise<Farm> {
  return startFarm({
    scenario: parseScenario(scenario, 'test'),
    basePort,
    clock: 'manual',
    servicePort: 0,
    seed: 7,
    ...extra,
  });
}

export type ApiResult = { status: number; headers: Headers; text: string; body: Buffer; json(): unknown };

export async function api(
  rig: Rigish,
  path: string,
  o: {
    method?: string;
    token?: string;
    auth?: string;
    body?: unknown;
    headers?: Record<string, string>;
    raw?: FormData | string;
  } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.token !== undefined) headers['authorization'] = `Bearer ${o.token}`;
  if (o.auth !== undefined) headers['authorization'] = o.auth;
  let body: FormData | string | undefined = o.raw;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${rig.url}${path}`, {
    method: o.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const buf = Buffer.from(await res.arrayBuffer());
  const text = buf.toString('utf8');
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: buf,
    json: () => JSON.parse(text) as unknown,
  };
}

export async function unlock(rig: Rigish, pw = 'admin'): Promise<string> {
  const r = await api(rig, '/api/v1/unlock', { body: { pw } });
  if (r.status !== 200) throw new Error(`unlock failed: ${r.status} ${r.text}`);
  const token = (r.json() as { token: string }).token;
  return token;
}

/** One RPC exchange: write the request, read until the server closes. */
export function rpcRaw(rig: Rigish, request: string, timeoutMs = 3000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: rig.ip, port: rig.rpcPort });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('rpc timeout'));
    }, timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

export async function rpc(rig: Rigish, command: string): Promise<Record<string, unknown>> {
  const raw = await rpcRaw(rig, JSON.stringify({ command }));
  return JSON.parse(raw.toString('utf8').replace(/\0$/, '')) as Record<string, unknown>;
}

export function get<T>(value: unknown, ...path: Array<string | number>): T {
  let v: unknown = value;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) throw new Error(`no ${String(p)} in ${JSON.stringify(v)}`);
    v = (v as Record<string | number, unknown>)[p];
  }
  return v as T;
}
