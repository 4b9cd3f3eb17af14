import type { TariffBand } from '../../../shared/earnings-settings';

/** Bands as the form shows them, one a line: "22:00-06:00 0.05". */
export function tariffToText(bands: readonly TariffBand[]): string {
  return bands.map((b) => `${b.from}-${b.to} ${b.pricePerKwh}`).join('\n');
}

const LINE = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s+(\S+)\s*$/;

const pad = (t: string) => (t.length === 4 ? `0${t}` : t);

/** The form's text back into bands, or the first line it cannot read (the settings schema checks the rest). */
export function textToTariff(text: string): { bands: TariffBand[] } | { error: string } {
  const bands: TariffBand[] = [];
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  for (const [i, line] of lines.entries()) {
    const m = LINE.exec(line);
    const price = m ? Number(m[3]) : NaN;
    if (!m || !Number.isFinite(price))
      return { error: `Line ${i + 1}: write a band as "22:00-06:00 0.05" (from, to, price per kWh).` };
    bands.push({ from: pad(m[1] ?? ''), to: pad(m[2] ?? ''), pricePerKwh: price });
  }
  return { bands };
}
