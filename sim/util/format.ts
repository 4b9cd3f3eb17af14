// Small formatters that reproduce how real firmware prints values.

/** busybox `uptime` style used by Vnish /info system.uptime: "H:MM" or "N days, H:MM". */
export function busyboxUptime(seconds: number): string {
  const totalMinutes = Math.floor(Math.max(0, seconds) / 60);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = String(totalMinutes % 60).padStart(2, '0');
  if (days === 0) return `${hours}:${minutes}`;
  return `${days} day${days === 1 ? '' : 's'}, ${hours}:${minutes}`;
}

/** cgminer/Vnish difficulty strings: 524288 -> "524K", 8192 -> "8.19K". */
export function shortDiff(diff: number): string {
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [scale, suffix] of units) {
    if (diff >= scale) {
      const value = diff / scale;
      const text = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
      return `${Number(text)}${suffix}`;
    }
  }
  return String(diff);
}

/** Vnish log line timestamp: [2025/10/14 20:39:38]. */
export function logStamp(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `[${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}]`;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "0:00:03"-style elapsed time used by cgminer `Last Share Time` in pools replies. */
export function hms(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
