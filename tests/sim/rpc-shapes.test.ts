// @vitest-environment node
// Every virtual CGMiner RPC reply, stock and Vnish, of every model, holds the shape of real firmware:
// the keys and JSON types of the stock S19 Pro capture (tests/fixtures/antminer-stock-rpc/) and of
// the Vnish RPC facts (tests/fixtures/vnish-rpc-facts.json). A number may be a string only where a
// named quirk of the rig's firmware family allows it (sim/cgminer/string-numbers.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Farm, type RigInfo, startFarm } from '../../sim/index';
import { STRING_NUMBERS, stringNumbersFor } from '../../sim/cgminer/string-numbers';
import { get, rpc, rpcRaw, testFarm } from './helpers';
import { captureShape, type Kind, quirksIn, shapeProblems, vnishFacts } from './rpc-shape';

const facts = vnishFacts();
const patterns = Object.entries(facts.statsPatterns).map(([re, kind]) => [new RegExp(re), kind] as const);

/** Keys the Vnish RPC facts name for the bmminer-style stats beyond the S19 Pro capture. */
function knownStatsKey(key: string): Kind | undefined {
  return facts.stats[key] ?? patterns.find(([re]) => re.test(key))?.[1];
}

/** Per-chain and per-fan keys: an L7 has 3 chains and 4 fans, the S19 Pro capture 4 and 4, an L3+ 4 and 2. */
const INDEXED =
  /^(fan|temp|temp2_|temp_pcb|temp_chip|temp_pic|chain_acn|chain_acs|chain_hw|chain_rate|freq)\d+$/;
const NONE = /^$/;

type Section = { command: string; file: string; section: string; index: number; optional: RegExp };

const SECTIONS: Section[] = [
  { command: 'summary', file: 'summary.json', section: 'SUMMARY', index: 0, optional: NONE },
  { command: 'pools', file: 'pools.json', section: 'POOLS', index: 0, optional: NONE },
  { command: 'devs', file: 'devs.json', section: 'DEVS', index: 0, optional: NONE },
  { command: 'version', file: 'version.json', section: 'VERSION', index: 0, optional: NONE },
  { command: 'stats', file: 'stats.json', section: 'STATS', index: 0, optional: NONE },
  { command: 'stats', file: 'stats.json', section: 'STATS', index: 1, optional: INDEXED },
  // The envelope of each reply, too.
  ...['summary', 'pools', 'devs', 'version', 'stats'].map((command) => ({
    command,
    file: `${command}.json`,
    section: 'STATUS',
    index: 0,
    optional: NONE,
  })),
];

/** Undo the malformed-JSON quirks a rig may have on (the repairs pyasic makes; docs/vnish-rpc-shapes.md). */
function repaired(raw: Buffer): Record<string, unknown> {
  const text = raw
    .toString('utf8')
    .replace(/\0$/, '')
    .replace(/\}\{/g, '},{')
    .replace(/,\s*([}\]])/g, '$1');
  return JSON.parse(text) as Record<string, unknown>;
}

async function problemsOf(farm: Farm, rig: RigInfo): Promise<string[]> {
  const quirks = stringNumbersFor(farm.rig(rig.name));
  const out: string[] = [];
  const replies = new Map<string, Record<string, unknown>>();
  for (const s of SECTIONS) {
    const reply =
      replies.get(s.command) ?? repaired(await rpcRaw(rig, JSON.stringify({ command: s.command })));
    replies.set(s.command, reply);
    const actual = get<Record<string, unknown>>(reply, s.section, s.index);
    const known = s.section === 'STATS' && s.index === 1 ? knownStatsKey : () => undefined;
    const expected = captureShape(s.file, s.section, s.index);
    const found = shapeProblems(actual, expected, quirksIn(quirks, s.section), s.optional, known);
    out.push(...found.map((p) => `${rig.name} ${s.section}[${s.index}]: ${p}`));
  }
  return out;
}

const toMap = (o: Record<string, Kind>): Map<string, Kind> => new Map(Object.entries(o));

const scenario = {
  name: 'rpc-shapes',
  rigs: [
    { name: 'vnish-l7-134', model: 'L7', firmware: '1.3.4' },
    { name: 'vnish-l7-127-strings', model: 'L7', firmware: '1.2.7', rpcQuirks: { numbersAsStrings: true } },
    { name: 'vnish-l9-134-strings', model: 'L9', firmware: '1.3.4', rpcQuirks: { numbersAsStrings: true } },
    { name: 'vnish-l3-127', model: 'L3+', firmware: '1.2.7' },
    { name: 'vnish-l3-127-strings', model: 'L3+', firmware: '1.2.7', rpcQuirks: { numbersAsStrings: true } },
    { name: 'stock-l7', model: 'L7', kind: 'stock-bitmain' },
    { name: 'stock-l9-strings', model: 'L9', kind: 'stock-bitmain', rpcQuirks: { numbersAsStrings: true } },
    { name: 'stock-l3', model: 'L3+', kind: 'stock-bitmain' },
    { name: 'stock-l3-strings', model: 'L3+', kind: 'stock-bitmain', rpcQuirks: { numbersAsStrings: true } },
  ],
};

describe('RPC reply shapes against real firmware', () => {
  let farm: Farm;
  beforeAll(async () => {
    farm = await testFarm(scenario, 24100);
    await farm.advance(300);
  });
  afterAll(async () => farm?.stop());

  it('no quirk names Elapsed, and each names the capture or reference it comes from', () => {
    const named = Object.values(STRING_NUMBERS).flatMap((list) => list.map((s) => s.key));
    expect(named).not.toContain('Elapsed');
    for (const list of Object.values(STRING_NUMBERS)) for (const s of list) expect(s.source).not.toBe('');
  });

  it('every reply of every family and model has the keys and types of the captures', async () => {
    const problems: string[] = [];
    for (const rig of farm.rigs) problems.push(...(await problemsOf(farm, rig)));
    expect(problems).toEqual([]);
  });

  it('Elapsed is an integer on every rig, quirks or not (pyasic reads it with int())', async () => {
    for (const rig of farm.rigs) {
      expect(Number.isInteger(get(await rpc(rig, 'summary'), 'SUMMARY', 0, 'Elapsed')), rig.name).toBe(true);
      expect(Number.isInteger(get(await rpc(rig, 'stats'), 'STATS', 1, 'Elapsed')), rig.name).toBe(true);
    }
  });

  it('Vnish rigs carry what the Vnish RPC facts name, with the named types', async () => {
    const problems: string[] = [];
    for (const rig of farm.rigs.filter((r) => r.kind === 'vnish')) {
      const quirks = stringNumbersFor(farm.rig(rig.name));
      const version = get<Record<string, unknown>>(await rpc(rig, 'version'), 'VERSION', 0);
      const summary = get<Record<string, unknown>>(await rpc(rig, 'summary'), 'SUMMARY', 0);
      const stats = await rpc(rig, 'stats');
      expect(get<string>(stats, 'STATS', 0, 'Type')).toMatch(new RegExp(facts.identityTypePattern));
      const at = (where: string, list: string[]): string[] => list.map((p) => `${rig.name} ${where}: ${p}`);
      problems.push(
        ...at('version', shapeProblems(version, toMap(facts.version), quirksIn(quirks, 'VERSION'), NONE)),
      );
      problems.push(
        ...at('summary', shapeProblems(summary, toMap(facts.summary), quirksIn(quirks, 'SUMMARY'), NONE)),
      );
      const detail = get<Record<string, unknown>>(stats, 'STATS', 1);
      problems.push(
        ...at('stats', shapeProblems(detail, toMap(facts.stats), quirksIn(quirks, 'STATS'), NONE)),
      );
    }
    expect(problems).toEqual([]);
  });

  it('strings appear only on the stats keys the family quirk names, and only on rigs that ask for it', async () => {
    const stringy = async (name: string): Promise<string[]> => {
      const rig = farm.rigs.find((r) => r.name === name);
      if (!rig) throw new Error(name);
      const detail = get<Record<string, unknown>>(await rpc(rig, 'stats'), 'STATS', 1);
      const summary = get<Record<string, unknown>>(await rpc(rig, 'summary'), 'SUMMARY', 0);
      return ['GHS 5s', 'frequency', 'Elapsed', 'GHS av', 'total rate']
        .filter((k) => typeof detail[k] === 'string')
        .concat(typeof summary['GHS 5s'] === 'string' ? ['summary GHS 5s'] : []);
    };
    expect(await stringy('vnish-l7-134')).toEqual([]);
    expect(await stringy('vnish-l7-127-strings')).toEqual(['GHS 5s', 'frequency']);
    expect(await stringy('stock-l7')).toEqual([]);
    // The S19 Pro-era stock firmware has no such quirk to turn on.
    expect(await stringy('stock-l9-strings')).toEqual([]);
    expect(await stringy('stock-l3-strings')).toEqual(['GHS 5s', 'frequency']);
  });
});

describe('the demo scenario, read the way a third-party client reads it', () => {
  let farm: Farm;
  beforeAll(async () => {
    farm = await startFarm({ scenario: 'demo', basePort: 24300, clock: 'manual', servicePort: 0 });
    await farm.advance(120);
  });
  afterAll(async () => farm?.stop());

  it('all 24 rigs answer with the shapes of real firmware; only a few carry quirks', async () => {
    expect(farm.rigs).toHaveLength(24);
    const problems: string[] = [];
    for (const rig of farm.rigs) problems.push(...(await problemsOf(farm, rig)));
    expect(problems).toEqual([]);
    const quirky = farm.rigs
      .map((r) => farm.rig(r.name).rpcQuirks)
      .filter((q) => q.numbersAsStrings || q.concatenatedObjects || q.trailingCommas);
    expect(quirky.length).toBeGreaterThan(0);
    expect(quirky.length).toBeLessThan(farm.rigs.length / 2);
  });
});
