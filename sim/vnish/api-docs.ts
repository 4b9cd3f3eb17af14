// Loads the vendored OpenAPI documents once; the miners serve the bytes verbatim.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FwFamily } from '../rig/types';

const FILES: Record<FwFamily, string> = { '1.2': 'v1.2.7.json', '1.3': 'v1.3.4.json' };
const cache = new Map<FwFamily, Buffer>();

export function openApiPath(family: FwFamily): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'openapi', FILES[family]);
}

export function apiDocBytes(family: FwFamily): Buffer {
  let doc = cache.get(family);
  if (!doc) {
    doc = readFileSync(openApiPath(family));
    cache.set(family, doc);
  }
  return doc;
}
