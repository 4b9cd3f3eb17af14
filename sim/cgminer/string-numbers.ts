// Which RPC numbers a firmware family sends as JSON strings, key by key, and where that was seen.
// Everything else is a JSON number, as in the captures; `Elapsed` is an integer on every family (stock
// S19 Pro 50474, Vnish 3.8.6 S9 3617, stock L3+ 393983), so no entry may ever name it. The strings
// appear only on rigs whose scenario sets `rpcQuirks.numbersAsStrings`: real firmware shows them on
// some builds, not all (docs/vnish-rpc-shapes.md).
import { type Rig } from '../rig/types';

/** How the firmware prints the number: "12795.48" or "600". */
export type StringFormat = 'fixed2' | 'integer';

/** `section` is the reply's array the key sits in: every capture showing a string is a `stats` reply. */
export type StringNumber = { section: 'STATS'; key: string; format: StringFormat; source: string };

/**
 * RPC families: stock Bitmain by generation (bmminer 49.x on the S19 Pro and L7/L9 era; cgminer
 * 4.9 on the 2017 L3+), Vnish 1.2.x/1.3.x (one bmminer-style RPC for both), impostors (own replies).
 */
export type RpcFamily = 'stock-bmminer' | 'stock-cgminer-4.9' | 'vnish' | 'impostor';

export const STRING_NUMBERS: Readonly<Record<RpcFamily, readonly StringNumber[]>> = {
  // The stock S19 Pro capture (tests/fixtures/antminer-stock-rpc/) has no number sent as a string.
  'stock-bmminer': [],
  'stock-cgminer-4.9': [
    {
      section: 'STATS',
      key: 'GHS 5s',
      format: 'fixed2',
      source: 'stock L3+ stats capture (cgminer 4.9.0): "504.56"',
    },
    {
      section: 'STATS',
      key: 'frequency',
      format: 'integer',
      source: 'stock L3+ stats capture (cgminer 4.9.0): "384"',
    },
  ],
  vnish: [
    {
      section: 'STATS',
      key: 'GHS 5s',
      format: 'fixed2',
      source:
        'Vnish RPC facts (docs/vnish-rpc-shapes.md): "often a string"; Vnish 3.8.6 S9 stats: "12795.48"',
    },
    { section: 'STATS', key: 'frequency', format: 'integer', source: 'Vnish 3.8.6 S9 stats capture: "600"' },
  ],
  impostor: [],
};

export function rpcFamily(rig: Rig): RpcFamily {
  if (rig.kind === 'vnish') return 'vnish';
  if (rig.kind !== 'stock-bitmain') return 'impostor';
  return rig.model.code === 'L3+' ? 'stock-cgminer-4.9' : 'stock-bmminer';
}

/** How the encoder looks a key up: its section and its name. */
export function stringNumberKey(section: string, key: string): string {
  return `${section}/${key}`;
}

const NONE: ReadonlyMap<string, StringFormat> = new Map();

const toMap = (list: readonly StringNumber[]): ReadonlyMap<string, StringFormat> =>
  new Map(list.map((s) => [stringNumberKey(s.section, s.key), s.format]));

// Built once: the encoder asks on every reply.
const BY_FAMILY: Readonly<Record<RpcFamily, ReadonlyMap<string, StringFormat>>> = {
  'stock-bmminer': toMap(STRING_NUMBERS['stock-bmminer']),
  'stock-cgminer-4.9': toMap(STRING_NUMBERS['stock-cgminer-4.9']),
  vnish: toMap(STRING_NUMBERS.vnish),
  impostor: toMap(STRING_NUMBERS.impostor),
};

/** The section/key pairs this rig sends as strings: none unless its scenario turned the quirk on. */
export function stringNumbersFor(rig: Rig): ReadonlyMap<string, StringFormat> {
  return rig.rpcQuirks.numbersAsStrings ? BY_FAMILY[rpcFamily(rig)] : NONE;
}
