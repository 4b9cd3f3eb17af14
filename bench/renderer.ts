/**
 * What the technician's browser downloads and parses on first load of the UI: the entry script, the chunks
 * index.html preloads and the stylesheet (renderer_bundle_*). Pages other than Fleet are chunks of their own,
 * fetched when first opened; `renderer_all_*` counts every asset, for the whole picture.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '..', 'dist', 'renderer');

/** The assets index.html names (script src, modulepreload and stylesheet hrefs). */
export function firstLoadAssets(html: string): string[] {
  const refs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  return [...new Set(refs.filter(Boolean))];
}

function sizes(paths: readonly string[]): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const path of paths) {
    raw += statSync(path).size;
    gz += gzipSync(readFileSync(path)).length;
  }
  return { raw, gz };
}

export async function runRendererBench(): Promise<Record<string, number>> {
  const first = firstLoadAssets(readFileSync(join(DIST, 'index.html'), 'utf8')).map((f) => join(DIST, f));
  const all = readdirSync(join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => join(DIST, 'assets', f));
  const a = sizes(first);
  const b = sizes(all);
  return {
    renderer_bundle_kb: Math.round(a.raw / 1024),
    renderer_bundle_gzip_kb: Math.round(a.gz / 1024),
    renderer_all_kb: Math.round(b.raw / 1024),
    renderer_all_gzip_kb: Math.round(b.gz / 1024),
  };
}
