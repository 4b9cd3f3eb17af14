// @vitest-environment node
// Every REST reply of a virtual miner, for every path and both firmware versions, validated against
// Vnish's OpenAPI document of that version by a JSON Schema validator (ajv 2020-12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Farm, makeFirmwareImage } from '../../sim/index';
import { openApiPath } from '../../sim/vnish/api-docs';
import { api, type ApiResult, type Rigish, testFarm, unlock } from './helpers';
import { loadValidator, type SpecValidator } from './openapi-validator';

type Call = {
  path: string;
  method: string;
  url?: string;
  body?: unknown;
  multipart?: () => FormData;
  anonymous?: boolean;
};

function calls(version: '1.2' | '1.3', backup: () => Buffer): Call[] {
  const key = 'K'.repeat(32);
  const list: Call[] = [
    { path: '/info', method: 'GET' },
    { path: '/model', method: 'GET' },
    { path: '/status', method: 'GET' },
    { path: '/summary', method: 'GET' },
    { path: '/perf-summary', method: 'GET' },
    { path: '/ui', method: 'GET' },
    { path: '/layout', method: 'GET' },
    { path: '/auth-check', method: 'GET' },
    { path: '/autotune/presets', method: 'GET' },
    { path: '/chains/factory-info', method: 'GET' },
    { path: '/metrics', method: 'GET', url: '/metrics?time_slice=86400&step=300' },
    { path: '/logs/{log_type}', method: 'GET', url: '/logs/status' },
    { path: '/logs/{log_type}/clear', method: 'POST', url: '/logs/api/clear' },
    { path: '/settings', method: 'GET' },
    { path: '/settings', method: 'POST', body: { miner: { misc: { quiet_mode: true } } } },
    { path: '/settings/backup', method: 'POST' },
    { path: '/notes', method: 'POST', body: { key: 'rack', value: 'A3' } },
    { path: '/notes', method: 'GET' },
    { path: '/notes/{note}', method: 'GET', url: '/notes/rack' },
    { path: '/notes/{note}', method: 'PUT', url: '/notes/rack', body: { value: 'A4' } },
    { path: '/notes/{note}', method: 'DELETE', url: '/notes/rack' },
    { path: '/apikeys', method: 'POST', body: { key, description: 'rigdeck' } },
    { path: '/apikeys', method: 'GET' },
    { path: '/apikeys/delete', method: 'POST', body: { key } },
    { path: '/autotune/reset', method: 'POST', body: { presets: ['2600'], restart: false } },
    { path: '/autotune/reset-all', method: 'POST', body: { restart: false } },
    { path: '/find-miner', method: 'POST' },
    { path: '/mining/pause', method: 'POST' },
    { path: '/mining/resume', method: 'POST' },
    { path: '/mining/switch-pool', method: 'POST', body: { pool_id: 0 } },
    { path: '/mining/stop', method: 'POST' },
    { path: '/mining/start', method: 'POST' },
    { path: '/mining/restart', method: 'POST' },
    { path: '/activate-warranty', method: 'POST' },
    { path: '/cancel-warranty', method: 'POST' },
    { path: '/lock/others', method: 'POST', body: { pw: 'admin' } },
    {
      path: '/firmware/remove',
      method: 'POST',
      ...(version === '1.3' ? { body: { remove_stock_logs: false } } : {}),
    },
    {
      path: '/settings/restore',
      method: 'POST',
      multipart: () => {
        const f = new FormData();
        f.append('file', new Blob([backup()]), 'backup.tar.gz');
        return f;
      },
    },
    {
      path: '/firmware/update',
      method: 'POST',
      multipart: () => {
        const f = new FormData();
        f.append(
          'file',
          new Blob([makeFirmwareImage({ version: version === '1.2' ? '1.2.7' : '1.3.4', model: 'l7' })]),
          'fw.tar.gz',
        );
        f.append('keep_settings', 'true');
        return f;
      },
    },
    { path: '/settings/factory-reset', method: 'POST' },
    { path: '/system/reboot', method: 'POST' },
    { path: '/lock', method: 'POST' },
  ];
  if (version === '1.2') list.push({ path: '/chains', method: 'GET' }, { path: '/chips', method: 'GET' });
  else {
    list.push(
      { path: '/boards', method: 'GET' },
      { path: '/locate-miner', method: 'POST' },
      { path: '/mining/throttle', method: 'POST', body: { percent: 80 } },
    );
  }
  list.push({ path: '/unlock', method: 'POST', body: { pw: 'admin' }, anonymous: true });
  return list;
}

function check(spec: SpecValidator, call: Call, r: ApiResult): void {
  const resp = spec.response(call.path, call.method, r.status);
  expect(
    resp,
    `${call.method} ${call.path} answered ${r.status}, which the document does not list: ${r.text.slice(0, 200)}`,
  ).not.toBeNull();
  if (!resp) return;
  if (resp.contentType === null && call.path === '/logs/{log_type}') {
    // The document gives no content for logs; docs/vnish.md §3.6: logs are text/plain.
    expect(r.headers.get('content-type') ?? '').toContain('text/plain');
    return;
  }
  if (resp.contentType === null) {
    expect(r.body.length, `${call.method} ${call.path} ${r.status} must have an empty body`).toBe(0);
    return;
  }
  expect(r.headers.get('content-type') ?? '').toContain(resp.contentType);
  if (resp.validate) {
    const ok = resp.validate(r.json());
    expect(
      ok,
      `${call.method} ${call.path} ${r.status}: ${JSON.stringify(resp.validate.errors?.slice(0, 3))}\n${r.text.slice(0, 400)}`,
    ).toBe(true);
  }
}

async function run(rig: Rigish, call: Call, token: string | undefined): Promise<ApiResult> {
  const o: Parameters<typeof api>[2] = { method: call.method };
  if (token) o.token = token;
  if (call.body !== undefined) o.body = call.body;
  if (call.multipart) o.raw = call.multipart();
  return api(rig, `/api/v1${call.url ?? call.path}`, o);
}

const scenario = {
  name: 'openapi',
  rigs: [
    { name: 'v12', model: 'L7', firmware: '1.2.7' },
    { name: 'v13', model: 'L7', firmware: '1.3.4' },
    { name: 'v12-faulty', model: 'L9', firmware: '1.2.7', tuned: 'none', preset: '3600' },
    {
      name: 'v13-faulty',
      model: 'L3+',
      firmware: '1.3.4',
      tuned: 'none',
      preset: '880',
      httpQuirks: { chainsOn13: false },
    },
  ],
};

describe('Vnish REST replies validate against the OpenAPI documents', () => {
  let farm: Farm;
  const specs = {
    '1.2': loadValidator(openApiPath('1.2'), 'v127'),
    '1.3': loadValidator(openApiPath('1.3'), 'v134'),
  };
  beforeAll(async () => {
    farm = await testFarm(scenario, 21100);
    await farm.advance(600);
    farm.applyFault('v12-faulty', { kind: 'chain-failure', chain: 2, state: 'disconnected' });
    farm.applyFault('v12-faulty', { kind: 'fan-lost', fan: 1 });
    farm.applyFault('v13-faulty', {
      kind: 'init-failure',
      code: 1002,
      description: 'Failed to parse miner configuration',
    });
    farm.applyFault('v13-faulty', { kind: 'chips-degrading', perHour: 500 });
    farm.reboot('v13-faulty');
    await farm.advance(400);
  });
  afterAll(async () => farm?.stop());

  for (const [name, version] of [
    ['v12', '1.2'],
    ['v13', '1.3'],
    ['v12-faulty', '1.2'],
    ['v13-faulty', '1.3'],
  ] as const) {
    it(`${name}: every documented operation, authorised and not`, async () => {
      const rig = farm.rigs.find((r) => r.name === name);
      if (!rig) throw new Error('rig missing');
      const spec = specs[version];
      let backup: Buffer = Buffer.alloc(0);
      const token = await unlock(rig);
      const seen = new Set<string>();
      for (const call of calls(version, () => backup)) {
        // Unauthenticated first: secured operations must answer 401 with the documented body.
        const anon = await run(rig, call, undefined);
        if (anon.status === 401) check(spec, call, anon);
        const r = call.anonymous ? anon : await run(rig, call, token);
        check(spec, call, r);
        if (call.path === '/settings/backup') backup = Buffer.from(r.body);
        seen.add(`${call.method} ${call.path}`);
      }
      const missing = spec.operations().filter((op) => !seen.has(`${op.method} ${op.path}`));
      expect(missing).toEqual([]);
    });
  }

  it('serves the OpenAPI document itself at /docs/api-doc.json', async () => {
    for (const [name, title] of [
      ['v12', 'xminer-api'],
      ['v13', 'xminer-api'],
    ]) {
      const rig = farm.rigs.find((r) => r.name === name);
      if (!rig) throw new Error('rig missing');
      const r = await api(rig, '/docs/api-doc.json');
      expect(r.status).toBe(200);
      expect((r.json() as { info: { title: string } }).info.title).toBe(title);
    }
  });
});
