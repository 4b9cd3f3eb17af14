import { resolve, sep } from 'node:path';

/**
 * Resolves a request path inside `root`, or null. Decoding first and comparing resolved paths is what stops
 * `/..%2f..%2fetc/passwd`; a prefix check on the raw string would not.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const full = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}
