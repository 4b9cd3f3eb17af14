// @vitest-environment node
import { describe, expect, it } from 'vitest';

import {
  normaliseMac,
  normaliseModel,
  parseVnishInfo,
  rpcModel,
} from '../../../../electron/discovery/device-facts';
import {
  decide,
  type Evidence,
  saysVnish,
  wantsInfo,
  wantsRpc,
} from '../../../../electron/discovery/fingerprint';
import { type HttpPage } from '../../../../electron/discovery/http-get';

const ANTHILL =
  '<!DOCTYPE html><html><head><title>AnthillOS</title></head><body><div id="app"></div></body></html>';

function page(status: number, body = '', headers: Record<string, string> = {}): HttpPage {
  return { status, body, headers };
}

function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

function evidence(e: Partial<Evidence>): Evidence {
  return {
    httpPort: 80,
    rpcPort: 4028,
    httpOpen: e.page !== undefined,
    rpcOpen: e.rpc !== undefined,
    page: null,
    info: null,
    rpc: null,
    ...e,
  };
}

const INFO = JSON.stringify({
  miner: 'Antminer L7',
  model: 'l7',
  fw_name: 'Vnish',
  fw_version: '1.3.4',
  serial: 'YNAHD7WCYFLMLDKE',
  system: { network_status: { mac: '02:c0:4b:d9:10:77', hostname: 'rig-001', ip: '10.0.0.5' } },
});

const VNISH_RPC = [
  '{"STATUS":[{"STATUS":"S","Msg":"CGMiner versions"}],"VERSION":[{"BMMiner":"1.0.0","Miner":"1.2.6","Type":"Antminer L7 (Vnish 1.2.6)"}]}',
  '{"STATUS":[{"STATUS":"S"}],"DEVDETAILS":[{"DEVDETAILS":0,"Model":"Antminer L7 (Vnish 1.2.6)"}]}',
  '',
];

describe('decide: Vnish', () => {
  it('reads firmware, version, model, serial, MAC and hostname from /api/v1/info', () => {
    const id = decide(evidence({ page: ok(page(200, ANTHILL)), info: ok(page(200, INFO)) }));
    expect(id).toEqual({
      kind: 'vnish',
      firmware: 'Vnish',
      version: '1.3.4',
      model: 'Antminer L7',
      mac: '02:C0:4B:D9:10:77',
      serial: 'YNAHD7WCYFLMLDKE',
      hostname: 'rig-001',
      reason: null,
    });
  });

  it('falls back to the RPC text when /api/v1/info does not answer, VNISH checked before ANTMINER', () => {
    const id = decide(
      evidence({ page: ok(page(200, ANTHILL)), info: { ok: false, error: 'timed out' }, rpc: ok(VNISH_RPC) }),
    );
    expect(id).toMatchObject({
      kind: 'vnish',
      firmware: 'Vnish',
      version: '1.2.6',
      model: 'Antminer L7',
      reason: null,
    });
  });

  it('recognises Vnish by RPC alone, and says the web API is missing', () => {
    const id = decide(evidence({ rpc: ok(VNISH_RPC) }));
    expect(id.kind).toBe('vnish');
    expect(id.reason).toMatch(/web API did not/);
  });

  it('takes a white-label AnthillOS build as Vnish under its own name', () => {
    const info = JSON.stringify({ fw_name: 'XMiner', fw_version: '2.0', miner: 'ANTMINER L9' });
    const id = decide(evidence({ page: ok(page(200, ANTHILL)), info: ok(page(200, info)) }));
    expect(id).toMatchObject({ kind: 'vnish', firmware: 'XMiner', version: '2.0', model: 'Antminer L9' });
  });
});

describe('decide: other firmwares are found but unsupported, with the reason', () => {
  it.each([
    [
      'Bitmain stock',
      page(401, '', { 'www-authenticate': 'Digest realm="antMiner Configuration", qop="auth"' }),
    ],
    ['Braiins OS', page(200, '<title>Braiins OS</title>')],
    ['LuxOS', page(200, 'Luxor Firmware')],
    ['ePIC', page(200, '<h1>Miner Web Dashboard</h1>')],
    ['Hammer/VolcMiner', page(401, '', { 'www-authenticate': 'Digest realm="blackMiner Configuration"' })],
    ['Elphapex', page(401, '', { 'www-authenticate': 'Basic realm="Daoge"' })],
    ['Whatsminer', page(307, '<a href="/cgi-bin/luci">', { location: 'https://10.0.0.9/cgi-bin/luci' })],
    ['Goldshell', page(200, '<div id="cloud-box">')],
    ['Bitaxe', page(200, '<title>AxeOS</title>')],
    ['Innosilicon', page(200, 'DragonMint')],
    ['IceRiver', page(200, '<TITLE>用户界面</TITLE>')],
    ['Avalon', page(200, 'Avalon Device')],
    ['Auradine', page(200, '<title>Miner UI</title>')],
    ['Marathon', page(401, '', { 'www-authenticate': 'Digest realm="miner", algorithm=MD5' })],
  ])('%s by its web page', (firmware, p) => {
    const id = decide(evidence({ page: ok(p) }));
    expect(id.kind).toBe('unsupported');
    expect(id.firmware).toBe(firmware);
    expect(id.reason).toContain('RigDeck manages Vnish');
  });

  it.each([
    ['Braiins OS', '{"STATUS":[{"Description":"BOSminer bosminer-plus-tuner"}]}'],
    ['Braiins OS', '{"DEVDETAILS":[{"Name":"BOSer"}]}'],
    ['Whatsminer', '{"VERSION":[{"Miner":"btminer 2024","Type":"WhatsMiner M50"}]}'],
    ['LuxOS', '{"VERSION":[{"LUXminer":"2024.1"}]}'],
    ['Hiveon', '{"VERSION":[{"Type":"Antminer S19 Hiveon"}]}'],
    ['Marathon', '{"VERSION":[{"Miner":"MaraFW 1.0"}]}'],
    ['MSKMiner', '{"VERSION":[{"Type":"RWGLR"}]}'],
    [
      'Bitmain stock',
      '{"VERSION":[{"Type":"Antminer L7"}]}\n{"STATUS":[{"STATUS":"E","Msg":"Invalid command"}]}',
    ],
  ])('%s by its RPC text', (firmware, text) => {
    const id = decide(evidence({ rpc: ok([text]) }));
    expect(id).toMatchObject({ kind: 'unsupported', firmware });
  });

  it('lets a non-stock RPC answer beat a stock login page (Hiveon keeps Bitmain’s web UI)', () => {
    const stockPage = page(401, '', { 'www-authenticate': 'Digest realm="antMiner Configuration"' });
    const id = decide(
      evidence({ page: ok(stockPage), rpc: ok(['{"VERSION":[{"Type":"Antminer S19 Hiveon"}]}']) }),
    );
    expect(id.firmware).toBe('Hiveon');
  });

  it('takes the model of an unsupported miner from its RPC replies', () => {
    const stockPage = page(401, '', { 'www-authenticate': 'Digest realm="antMiner Configuration"' });
    const id = decide(evidence({ page: ok(stockPage), rpc: ok(['{"STATS":[{"Type":"Antminer L7"}]}']) }));
    expect(id).toMatchObject({ firmware: 'Bitmain stock', model: 'Antminer L7' });
  });
});

describe('decide: anything else that answered is unknown, with what was seen', () => {
  it('names the page title of an unmarked web page', () => {
    const id = decide(evidence({ page: ok(page(200, '<title>Printer</title>')), info: ok(page(404)) }));
    expect(id.kind).toBe('unknown');
    expect(id.reason).toBe('Unknown device: HTTP 200 "Printer" without a known firmware marker.');
  });

  it('reports failures and silent RPC ports instead of dropping the device', () => {
    const id = decide(evidence({ page: { ok: false, error: 'timed out' }, rpc: ok(['', '', '']) }));
    expect(id.reason).toBe(
      'Unknown device: port 80 open but HTTP failed (timed out); port 4028 open but no CGMiner reply.',
    );
    const rpcOnly = decide(evidence({ rpc: { ok: false, error: 'reset' } }));
    expect(rpcOnly.reason).toMatch(/RPC failed \(reset\)/);
  });

  it('does not call an Antminer with DEVDETAILS but no firmware marker stock', () => {
    const id = decide(evidence({ rpc: ok(['{"DEVDETAILS":[{"Model":"Antminer L7"}]}']) }));
    expect(id).toMatchObject({ kind: 'unknown', model: 'Antminer L7' });
  });
});

describe('what to ask next', () => {
  it('asks /api/v1/info for AnthillOS and unmarked 200 pages only', () => {
    expect(wantsInfo(ok(page(200, ANTHILL)))).toBe(true);
    expect(wantsInfo(ok(page(200, '<title>?</title>')))).toBe(true);
    expect(wantsInfo(ok(page(200, 'Braiins OS')))).toBe(false);
    expect(wantsInfo(ok(page(401)))).toBe(false);
    expect(wantsInfo({ ok: false, error: 'x' })).toBe(false);
  });

  it('stops at an info reply that names Vnish, and only at that', () => {
    expect(saysVnish(ok(page(200, INFO)))).toBe(true);
    // A white-label name, an HTML page (Vnish answers unknown paths with its SPA), an error, a failure: go on.
    expect(saysVnish(ok(page(200, JSON.stringify({ fw_name: 'AcmeOS', fw_version: '2.0' }))))).toBe(false);
    expect(saysVnish(ok(page(200, ANTHILL)))).toBe(false);
    expect(saysVnish(ok(page(404, INFO)))).toBe(false);
    expect(saysVnish(ok(page(200, '{"fw_name": "Vnish"')))).toBe(false);
    expect(saysVnish({ ok: false, error: 'timed out' })).toBe(false);
    expect(saysVnish(null)).toBe(false);
  });

  it('skips the RPC once /api/v1/info said Vnish', () => {
    expect(wantsRpc({ rpcOpen: true, info: ok(page(200, INFO)) })).toBe(false);
    expect(wantsRpc({ rpcOpen: true, info: null })).toBe(true);
    expect(wantsRpc({ rpcOpen: false, info: null })).toBe(false);
  });
});

describe('device facts', () => {
  it('accepts what real firmware sends in /api/v1/info: numbers, nulls, missing parts', () => {
    const facts = parseVnishInfo(
      JSON.stringify({ fw_name: 'Vnish', fw_version: 1.3, serial: null, system: null }),
    );
    expect(facts).toEqual({
      fwName: 'Vnish',
      fwVersion: '1.3',
      model: null,
      serial: null,
      mac: null,
      hostname: null,
    });
    expect(parseVnishInfo('<html>AnthillOS</html>')).toBeNull();
    expect(parseVnishInfo('{"err":"unauthorized"}')).toBeNull();
    expect(parseVnishInfo('[1,2]')).toBeNull();
  });

  it('normalises model names like pyasic and asic-rs', () => {
    expect(normaliseModel('ANTMINER L7')).toBe('Antminer L7');
    expect(normaliseModel('Antminer L9 (Vnish 1.3.4)')).toBe('Antminer L9');
    expect(normaliseModel('Antminer S19 XP AML')).toBe('Antminer S19 XP');
    expect(normaliseModel('Antminer S19j Pro (88)')).toBe('Antminer S19J PRO NOPIC');
    expect(normaliseModel('WhatsMiner M50')).toBe('WhatsMiner M50');
    expect(normaliseModel('  ')).toBeNull();
    expect(rpcModel('{"Type":"Antminer L3+ (Vnish 1.2.7)"}')).toBe('Antminer L3+');
  });

  it('normalises MAC addresses', () => {
    expect(normaliseMac('02-c0-4b-1a-2b-3c')).toBe('02:C0:4B:1A:2B:3C');
    expect(normaliseMac('02c04b1a2b3c')).toBe('02:C0:4B:1A:2B:3C');
    expect(normaliseMac('not a mac')).toBeNull();
  });
});
