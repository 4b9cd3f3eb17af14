// @vitest-environment node
// RPC parsing never throws: any JSON value for any section parser, E/F statuses as miner_error with
// the miner's message and code, and mutated real captures still normalize into a valid snapshot.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rigSnapshotSchema } from '../../../../../shared/rig';
import { MinerError } from '../../../../../electron/miners/errors';
import { normalizeRpc } from '../../../../../electron/miners/cgminer/normalize';
import {
  parseRpcDevDetails,
  parseRpcDevs,
  parseRpcPools,
  parseRpcStats,
  parseRpcSummary,
  parseRpcVersion,
} from '../../../../../electron/miners/cgminer/schemas';

const parsers = [
  parseRpcSummary,
  parseRpcPools,
  parseRpcDevs,
  parseRpcVersion,
  parseRpcDevDetails,
  parseRpcStats,
];
const capture = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../../fixtures/antminer-stock-rpc/${name}.json`), 'utf8'),
  ) as Record<string, unknown>;

const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom('inf', '', '0-0-0-0', ' ooo xxx', 1e308, -1, '37603.30', null, [], {}),
);

describe('malformed RPC replies', () => {
  it('any JSON value gives a value or a MinerError, from every section parser', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (value) => {
        for (const parse of parsers) {
          const r = parse(value, 'x');
          if (!r.ok) expect(r.error).toBeInstanceOf(MinerError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('STATUS E/F is a miner_error with the Msg and Code (e.g. 45 access denied)', () => {
    const r = parseRpcSummary(
      {
        STATUS: [
          { STATUS: 'E', Code: 45, Msg: "Access denied to 'restart' command", Description: 'cgminer' },
        ],
        id: 1,
      },
      'restart',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('miner_error');
      expect(r.error.rpcCode).toBe(45);
      expect(r.error.minerMessage).toBe("Access denied to 'restart' command");
    }
  });

  it('mutated stats/summary/pools keys still normalize to a valid snapshot', () => {
    const stats = capture('stats');
    const summary = capture('summary');
    const pools = capture('pools');
    const statsDetail = (stats['STATS'] as Array<Record<string, unknown>>)[1] ?? {};
    const statsKeys = Object.keys(statsDetail);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...statsKeys), junk), { maxLength: 8 }),
        junk,
        junk,
        (edits, s5, pool) => {
          const detail: Record<string, unknown> = { ...statsDetail };
          for (const [k, v] of edits) detail[k] = v;
          const st = parseRpcStats({ ...stats, STATS: [(stats['STATS'] as unknown[])[0], detail] }, 'st');
          const su = parseRpcSummary(
            { ...summary, SUMMARY: [{ ...((summary['SUMMARY'] as unknown[])[0] as object), 'GHS 5s': s5 }] },
            'su',
          );
          const po = parseRpcPools({ ...pools, POOLS: [pool, ...(pools['POOLS'] as unknown[])] }, 'po');
          const snapshot = normalizeRpc(
            {
              stats: st.ok ? st.value : null,
              summary: su.ok ? (su.value[0] ?? null) : null,
              pools: po.ok ? po.value : null,
              version: null,
            },
            { takenAtMs: 0 },
          );
          expect(rigSnapshotSchema.safeParse(snapshot).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
