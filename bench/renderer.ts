/** What the technician's browser has to download and parse on first load of the UI. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', 'dist', 'renderer', 'assets');

export async function runRendererBench(): Promise<Record<string, number>> {
  const files = readdirSync(DIST).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const path = join(DIST, f);
    raw += statSync(path).size;
    gz += gzipSync(readFileSync(path)).length;
  }
  return { renderer_bundle_kb: Math.round(raw / 1024), renderer_bundle_gzip_kb: Math.round(gz / 1024) };
}
