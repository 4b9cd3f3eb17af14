/**
 * Facts a device states about itself: Vnish's anonymous `GET /api/v1/info` (docs/vnish.md §3.1, §6) and the
 * model/version strings inside CGMiner RPC replies, normalised the way pyasic and asic-rs do. Pure.
 */
import { z } from 'zod';

/** Real firmware sends numbers where strings are documented and nulls where fields are missing. */
const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    const s = v === null || v === undefined ? '' : String(v).trim();
    return s === '' ? null : s;
  });

const infoSchema = z.object({
  fw_name: text,
  fw_version: text,
  miner: text,
  model: text,
  serial: text,
  system: z
    .object({
      network_status: z.object({ mac: text, hostname: text }).partial().nullish().catch(null),
    })
    .partial()
    .nullish()
    .catch(null),
});

export type VnishInfo = {
  fwName: string | null;
  fwVersion: string | null;
  model: string | null;
  serial: string | null;
  mac: string | null;
  hostname: string | null;
};

/** Parses the body of /api/v1/info; null when it is not a JSON object of that shape (an HTML page, `{err}` …). */
export function parseVnishInfo(body: string): VnishInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = infoSchema.safeParse(value);
  if (!parsed.success) return null;
  const d = parsed.data;
  const net = d.system?.network_status;
  const facts: VnishInfo = {
    fwName: d.fw_name,
    fwVersion: d.fw_version,
    model: normaliseModel(d.miner ?? (d.model === null ? null : `Antminer ${d.model}`)),
    serial: d.serial,
    mac: normaliseMac(net?.mac ?? null),
    hostname: net?.hostname ?? null,
  };
  // An object with none of the fields is some other JSON API, not an info reply.
  return Object.values(facts).some((v) => v !== null) ? facts : null;
}

/**
 * "ANTMINER L7", "Antminer L7 (Vnish 1.3.4)", "Antminer S19 XP AML" → "Antminer L7", "Antminer S19 XP".
 * pyasic drops everything from " (" and " AML"; "(88)" means a board without PIC ("NOPIC").
 */
export function normaliseModel(raw: string | null): string | null {
  if (raw === null) return null;
  let s = raw.replace(/\(88\)/g, 'NOPIC');
  const paren = s.indexOf(' (');
  if (paren >= 0) s = s.slice(0, paren);
  s = s
    .replace(/ AML\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return null;
  const m = /^antminer\s+(.+)$/i.exec(s);
  return m ? `Antminer ${(m[1] ?? '').toUpperCase()}` : s;
}

/** "02:c0:4b:1a:2b:3c" or "02-C0-4B-1A-2B-3C" → "02:C0:4B:1A:2B:3C"; null when not a MAC. */
export function normaliseMac(raw: string | null): string | null {
  if (raw === null) return null;
  const hex = raw.trim().replace(/[:\-.]/g, '');
  if (!/^[\da-f]{12}$/i.test(hex)) return null;
  return (hex.toUpperCase().match(/../g) ?? []).join(':');
}

function field(text: string, key: string): string | null {
  const m = new RegExp(`"${key}"\\s*:\\s*"([^"]*)"`).exec(text);
  const v = m?.[1]?.trim() ?? '';
  return v === '' ? null : v;
}

/** Model from RPC replies: STATS/VERSION `Type`, else DEVDETAILS `Model` (pyasic `_parse_socket_type`). */
export function rpcModel(text: string): string | null {
  return normaliseModel(field(text, 'Type') ?? field(text, 'Model'));
}

/** Vnish puts its version inside the model string: "Antminer L7 (Vnish 1.2.6)". */
export function rpcVnishVersion(text: string): string | null {
  return /Vnish\s+v?(\d[\w.+-]*)/i.exec(text)?.[1] ?? null;
}
