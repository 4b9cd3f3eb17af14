/**
 * IP Report datagrams (UDP 14235): `<ip>,<MAC>` as Antminers send it, with the padding, separators and
 * trailing fields seen in the wild, then mutated as bytes (the listener decodes a datagram as UTF-8). The
 * oracle: parseIpReport either refuses (null, the listener's typed rejection) or returns a dotted IPv4 it
 * can parse and a normalised MAC; and a well-formed report is never refused.
 */
import fc from 'fast-check';

import { parseIpv4 } from '../../electron/discovery/ipv4';
import { parseIpReport } from '../../electron/discovery/ip-report';
import { type Family, OracleViolation, type Outcome } from './family';
import { mutatedText } from './mutations';

const octet = fc.integer({ min: 0, max: 255 });
const ip = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const hexByte = fc.integer({ min: 0, max: 255 }).map((b) => b.toString(16).padStart(2, '0'));
const mac = fc
  .tuple(fc.array(hexByte, { minLength: 6, maxLength: 6 }), fc.constantFrom(':', '-'), fc.boolean())
  .map(([bytes, sep, upper]) => {
    const text = bytes.join(sep);
    return upper ? text.toUpperCase() : text;
  });
const pad = fc.constantFrom('', ' ', '\0\0', '\r\n', '\t', '\n\0');
const tail = fc.constantFrom('', ',', ',extra', ',S19,1.2.3', '\0\0\0');

export type IpReportInput = { well: boolean; bytes: number[] };

const wellFormed = fc
  .tuple(pad, ip, fc.constantFrom(',', ' , ', ', '), mac, tail, pad)
  .map(([a, i, comma, m, t, b]) => `${a}${i}${comma}${m}${t}${b}`);

const toBytes = (text: string): number[] => [...Buffer.from(text, 'utf8')];

const MAC = /^[\dA-F]{2}(:[\dA-F]{2}){5}$/;

function checkIpReport(input: IpReportInput): Outcome {
  const payload = Buffer.from(input.bytes).toString('utf8');
  const report = parseIpReport(payload);
  if (report === null) {
    if (input.well) throw new OracleViolation(`a well-formed report was refused: ${JSON.stringify(payload)}`);
    return 'typed_error';
  }
  if (parseIpv4(report.ip) === null) throw new OracleViolation(`accepted a bad IP ${report.ip}`);
  if (!MAC.test(report.mac)) throw new OracleViolation(`accepted a MAC not normalised: ${report.mac}`);
  return 'valid';
}

export function ipReportFamily(): Family<IpReportInput> {
  return {
    name: 'ip-report',
    about: 'IP Report datagrams: well-formed ip,MAC with padding and tails, mutated text, random bytes',
    arb: fc.oneof(
      { weight: 2, arbitrary: wellFormed.map((t) => ({ well: true, bytes: toBytes(t) })) },
      { weight: 5, arbitrary: mutatedText(wellFormed).map((t) => ({ well: false, bytes: toBytes(t) })) },
      {
        weight: 1,
        arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => ({ well: false, bytes: [...b] })),
      },
    ),
    check: checkIpReport,
  };
}
