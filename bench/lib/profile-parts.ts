/**
 * Where the shipped server's CPU went, from a V8 CPU profile of dist/cli/*.js, by sample count. The bundle is not minified and
 * marks each module it inlines with a `// electron/…/file.ts` line, so a frame's line number names its source
 * file and the file's folder names the part. A sample in Node's own code (sockets, streams, timers) or in a
 * library is charged to the nearest RigDeck frame that called it: the part that caused the work pays for it.
 */
import { readFileSync } from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export const parts = [
  'connect',
  'http-parse',
  'normalize',
  'health-alerts',
  'store',
  'events-ws',
  'collector',
  'pool',
  'gc',
  'other',
] as const;
export type Part = (typeof parts)[number];

/** The module markers of one bundle chunk: (first line, source path), in line order. */
export function moduleMarkers(source: string): { line: number; path: string }[] {
  const out: { line: number; path: string }[] = [];
  source.split('\n').forEach((text, i) => {
    const m = /^\/\/ ((?:electron|shared)\/\S+\.ts)$/.exec(text);
    if (m?.[1]) out.push({ line: i, path: m[1] });
  });
  return out;
}

/** The part a RigDeck source file belongs to; null for files that only pass work along (the CLI, shared types). */
export function partOfPath(path: string): Part | null {
  if (/miners\/vnish\/(connections|client)\.ts$/.test(path)) return 'connect';
  if (/miners\/vnish\/(http|reply-parser)\.ts$/.test(path)) return 'http-parse';
  if (
    /miners\/(vnish\/(normalize|read-summary|snapshot|reply|schemas|version)|cgminer|parse|lenient)/.test(
      path,
    )
  )
    return 'normalize';
  if (/electron\/(health|alerts)\//.test(path)) return 'health-alerts';
  if (/electron\/store\//.test(path)) return 'store';
  if (/electron\/(contract|server)\/|shared\/wire/.test(path)) return 'events-ws';
  if (/electron\/collector\//.test(path)) return 'collector';
  if (/electron\/pool\//.test(path)) return 'pool';
  return null;
}

/** A library frame that names its part by itself (when no RigDeck frame is above it, e.g. a socket callback). */
function partOfLibrary(url: string): Part | null {
  if (url.includes('http-parser-js')) return 'http-parse';
  if (/better-sqlite3|drizzle-orm/.test(url)) return 'store';
  if (/node_modules\/ws\//.test(url)) return 'events-ws';
  if (url.includes('autobahn')) return 'pool';
  if (/^node:(net|internal\/(net|stream_base_commons|streams))/.test(url)) return 'connect';
  return null;
}

export function cpuByPart(profile: CpuProfile): Record<Part, number> {
  const markers = new Map<string, { line: number; path: string }[]>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const ownPart = (frame: CallFrame): Part | null => {
    if (!frame.url.startsWith('file://') || !frame.url.includes('/dist/cli/')) return null;
    if (!markers.has(frame.url))
      markers.set(frame.url, moduleMarkers(readFileSync(new URL(frame.url), 'utf8')));
    let path: string | null = null;
    for (const m of markers.get(frame.url) ?? []) {
      if (m.line > frame.lineNumber) break;
      path = m.path;
    }
    return path === null ? null : partOfPath(path);
  };
  const memo = new Map<number, Part>();
  const partOf = (id: number): Part => {
    const known = memo.get(id);
    if (known) return known;
    let library: Part | null = null;
    let found: Part = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const own = ownPart(frame);
      if (own) {
        found = own;
        break;
      }
      library ??= partOfLibrary(frame.url);
    }
    const part = found === 'other' && library ? library : found;
    memo.set(id, part);
    return part;
  };

  const totals = Object.fromEntries(parts.map((p) => [p, 0])) as Record<Part, number>;
  // Each sample stands for one sampling interval of CPU. Its time delta is wall time: on a busy machine a process
  // descheduled for 50 ms takes its next sample 50 ms late, and that delta would charge whatever happened to run.
  const deltas = [...profile.timeDeltas].sort((a, b) => a - b);
  const ms = (deltas[Math.floor(deltas.length / 2)] ?? 0) / 1000;
  profile.samples.forEach((id) => {
    const name = byId.get(id)?.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') return;
    totals[name === '(garbage collector)' ? 'gc' : partOf(id)] += ms;
  });
  return totals;
}
