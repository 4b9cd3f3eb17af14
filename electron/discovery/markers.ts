/**
 * Firmware markers (docs/vnish.md §6): what each firmware's web page and CGMiner RPC text look like. Pure
 * tables and matchers; the decision that combines them lives in fingerprint.ts.
 */
import { type HttpPage } from './http-get';

export type FirmwareMatch = {
  kind: 'vnish' | 'unsupported';
  firmware: string;
  /** Stock Bitmain: a non-stock answer from the other channel wins (asic-rs ordering, docs/vnish.md §6). */
  stock: boolean;
};

const VNISH: FirmwareMatch = { kind: 'vnish', firmware: 'Vnish', stock: false };
const STOCK: FirmwareMatch = { kind: 'unsupported', firmware: 'Bitmain stock', stock: true };
const other = (firmware: string): FirmwareMatch => ({ kind: 'unsupported', firmware, stock: false });

type PageTest = (page: HttpPage, body: string, auth: string) => boolean;

/** Most specific first: "Avalon" and "Miner UI" are generic words, so they come last. */
const HTTP_MARKERS: ReadonlyArray<readonly [PageTest, FirmwareMatch]> = [
  [(p, body) => p.status === 200 && body.includes('AnthillOS'), VNISH],
  [(p, _b, auth) => p.status === 401 && /realm="?antMiner Configuration/i.test(auth), STOCK],
  [(_p, body) => body.includes('Braiins OS'), other('Braiins OS')],
  [(_p, body) => body.includes('Luxor Firmware'), other('LuxOS')],
  [(_p, body) => body.includes('Miner Web Dashboard'), other('ePIC')],
  [(_p, _b, auth) => /realm="?blackMiner/i.test(auth), other('Hammer/VolcMiner')],
  [(_p, _b, auth) => /realm="?Daoge/i.test(auth), other('Elphapex')],
  [
    (p, body) =>
      p.status >= 300 &&
      p.status < 400 &&
      /^https:/i.test(p.headers['location'] ?? '') &&
      `${p.headers['location'] ?? ''} ${body}`.includes('/cgi-bin/luci'),
    other('Whatsminer'),
  ],
  [(_p, body) => body.includes('cloud-box'), other('Goldshell')],
  [(_p, body) => body.includes('AxeOS'), other('Bitaxe')],
  [(_p, body) => body.includes('DragonMint'), other('Innosilicon')],
  [(_p, body) => /<title>\s*用户界面\s*<\/title>/i.test(body), other('IceRiver')],
  [(_p, body) => body.includes('Avalon'), other('Avalon')],
  [(_p, body) => body.includes('Miner UI'), other('Auradine')],
  // asic-rs: a 401 whose Digest challenge says MD5 and no realm above matched. Weak, hence last.
  [
    (p, _b, auth) => p.status === 401 && /digest/i.test(auth) && /algorithm="?MD5/i.test(auth),
    other('Marathon'),
  ],
];

export function matchHttp(page: HttpPage): FirmwareMatch | null {
  const auth = page.headers['www-authenticate'] ?? '';
  for (const [test, match] of HTTP_MARKERS) if (test(page, page.body, auth)) return match;
  return null;
}

/** docs/vnish.md §6 RPC order: "VNISH" before "ANTMINER", because a Vnish reply contains both. */
const RPC_MARKERS: ReadonlyArray<readonly [readonly string[], FirmwareMatch]> = [
  [['VNISH'], VNISH],
  [['BOSMINER', 'BOSER'], other('Braiins OS')],
  [['BTMINER', 'BITMICRO'], other('Whatsminer')],
  [['LUXMINER'], other('LuxOS')],
  [['HIVEON'], other('Hiveon')],
  [['KAONSU', 'MARAFW'], other('Marathon')],
  [['RWGLR'], other('MSKMiner')],
];

/** `text` is the version, devdetails and stats replies together, as received. */
export function matchRpc(text: string): FirmwareMatch | null {
  const upper = text.toUpperCase();
  for (const [needles, match] of RPC_MARKERS) if (needles.some((n) => upper.includes(n))) return match;
  // Stock Bitmain rejects devdetails, so its replies name the model but never carry a DEVDETAILS section.
  if (upper.includes('ANTMINER') && !upper.includes('DEVDETAILS')) return STOCK;
  return null;
}

/** Why RigDeck lists but cannot manage a device with this firmware, in a technician's words. */
export function unsupportedReason(firmware: string): string {
  if (firmware === 'Bitmain stock')
    return 'Stock Bitmain firmware: RigDeck manages Vnish (AnthillOS) miners; flash Vnish to manage it here.';
  return `${firmware} firmware: RigDeck manages Vnish (AnthillOS) miners only.`;
}
