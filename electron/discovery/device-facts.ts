/**
 * Facts a device states about itself: Vnish's anonymous `GET /api/v1/info` (docs/vnish.md §3.1, §6) and the
 * model/version strings inside CGMiner RPC replies, normalised the way pyasic and asic-rs do. Pure.
 */
export type VnishInfo = {
  fwName: string | null;
  fwVersion: string | null;
  model: string | null;
  serial: string | null;
  mac: string | null;
  hostname: string | null;
};

type Json = Record<string, unknown>;

/** Invalid: the whole reply is not an info reply. */
const BAD = Symbol('bad');

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Real firmware sends numbers where strings are documented and nulls where fields are missing. */
function text(v: unknown): string | null | typeof BAD {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) return BAD;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** `system.network_status`: a garbled one (or system) counts as absent, not as a bad reply. */
function network(v: unknown): { mac: string | null; hostname: string | null } {
  const none = { mac: null, hostname: null };
  if (!isObject(v) || !isObject(v['network_status'])) return none;
  const mac = text(v['network_status']['mac']);
  const hostname = text(v['network_status']['hostname']);
  return mac === BAD || hostname === BAD ? none : { mac, hostname };
}

/**
 * Parses the body of /api/v1/info; null when it is not a JSON object of that shape (an HTML page, `{err}` …).
 * Read by hand, not by zod: a scan reads hundreds of these, and a unit test holds this equal to the zod
 * schema that defines it (tests/unit/electron/discovery/device-facts.test.ts).
 */
export function parseVnishInfo(body: string): VnishInfo | null {
  let d: unknown;
  try {
    d = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isObject(d)) return null;
  const fwName = text(d['fw_name']);
  const fwVersion = text(d['fw_version']);
  const miner = text(d['miner']);
  const model = text(d['model']);
  const serial = text(d['serial']);
  if (fwName === BAD || fwVersion === BAD || miner === BAD || model === BAD || serial === BAD) return null;
  const net = network(d['system']);
  const facts: VnishInfo = {
    fwName,
    fwVersion,
    model: normaliseModel(miner ?? (model === null ? null : `Antminer ${model}`)),
    serial,
    mac: normaliseMac(net.mac),
    hostname: net.hostname,
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
