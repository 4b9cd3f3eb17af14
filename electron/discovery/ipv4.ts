/** IPv4 addresses as unsigned 32-bit integers, so ranges are arithmetic and never arrays of strings. */

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The address as an unsigned integer, or null when `text` is not a dotted quad (no leading zeros: "010" is ambiguous). */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return null;
    n = n * 256 + Number(part);
  }
  return n >>> 0;
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

/** RFC 1918, loopback, link-local and CGNAT: where a miner on a farm LAN can live. */
export function isPrivateIpv4(text: string): boolean {
  const n = parseIpv4(text);
  if (n === null) return false;
  const inBlock = (base: string, bits: number): boolean => {
    const b = parseIpv4(base) ?? 0;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return (n & mask) >>> 0 === (b & mask) >>> 0;
  };
  return (
    inBlock('10.0.0.0', 8) ||
    inBlock('172.16.0.0', 12) ||
    inBlock('192.168.0.0', 16) ||
    inBlock('127.0.0.0', 8) ||
    inBlock('169.254.0.0', 16) ||
    inBlock('100.64.0.0', 10)
  );
}
