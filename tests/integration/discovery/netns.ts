/**
 * Network namespaces for discovery tests and the scan benchmark (toolchain.md §5): each test makes its
 * own, with a loopback and, when asked, a veth pair created directly inside the namespaces, so nothing is
 * ever added to or changed on the machine's own interfaces. Silent addresses are made with an nft (or
 * iptables) DROP rule inside the namespace.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

function run(cmd: string, args: string[], input?: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, timeout: 10_000 });
  return {
    ok: !r.error && r.status === 0,
    out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error?.message ?? ''}`,
  };
}

function must(cmd: string, args: string[], input?: string): void {
  const r = run(cmd, args, input);
  if (!r.ok) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.out.trim()}`);
}

/** Why namespaces cannot be used here, or null when they can. */
export function netnsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  if (!run('ip', ['netns', 'list']).ok) return '`ip netns` is not available (install iproute2)';
  return null;
}

/** nft or iptables, whichever can add rules here; null when neither is installed. */
export function dropTool(): 'nft' | 'iptables' | null {
  if (run('nft', ['--version']).ok) return 'nft';
  if (run('iptables', ['--version']).ok) return 'iptables';
  return null;
}

export type Netns = {
  name: string;
  /** `node --import tsx <script> <args…>` inside the namespace, from the repository root. */
  node(script: string, args: string[]): ChildProcess;
  destroy(): void;
};

export function createNetns(name: string): Netns {
  must('ip', ['netns', 'add', name]);
  try {
    must('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  } catch (e) {
    run('ip', ['netns', 'del', name]);
    throw e;
  }
  return {
    name,
    node: (script, args) =>
      spawn('ip', ['netns', 'exec', name, process.execPath, '--import', 'tsx', script, ...args], {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    destroy: () => {
      run('ip', ['netns', 'del', name]);
    },
  };
}

/** Makes every packet to these CIDRs vanish inside the namespace: connects there see silence, not a refusal. */
export function dropInside(ns: Netns, cidrs: readonly string[]): void {
  const tool = dropTool();
  if (tool === 'nft') {
    const rules = cidrs.map((c) => `  ip daddr ${c} drop`).join('\n');
    const ruleset = `table ip rigdeck_test {\n chain input {\n  type filter hook input priority 0; policy accept;\n${rules}\n }\n}\n`;
    must('ip', ['netns', 'exec', ns.name, 'nft', '-f', '-'], ruleset);
  } else if (tool === 'iptables') {
    for (const c of cidrs)
      must('ip', ['netns', 'exec', ns.name, 'iptables', '-A', 'INPUT', '-d', c, '-j', 'DROP']);
  } else {
    throw new Error('neither nft nor iptables is installed');
  }
}

/** A veth pair born inside the two namespaces (never in the host's), addressed and up. */
export function linkNetns(a: Netns, b: Netns, addrA: string, addrB: string, prefix = 24): void {
  const ifA = `${a.name.slice(0, 11)}-v`;
  const ifB = `${b.name.slice(0, 11)}-v`;
  must('ip', ['-n', a.name, 'link', 'add', ifA, 'type', 'veth', 'peer', 'name', ifB, 'netns', b.name]);
  must('ip', ['-n', a.name, 'addr', 'add', `${addrA}/${prefix}`, 'dev', ifA]);
  must('ip', ['-n', b.name, 'addr', 'add', `${addrB}/${prefix}`, 'dev', ifB]);
  must('ip', ['-n', a.name, 'link', 'set', ifA, 'up']);
  must('ip', ['-n', b.name, 'link', 'set', ifB, 'up']);
}

/** Collects a child's stdout as JSON lines and its stderr as text; resolves when it exits. */
export function collect(child: ChildProcess): {
  lines: unknown[];
  stderr: () => string;
  exited: Promise<number | null>;
} {
  const lines: unknown[] = [];
  let buf = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl = buf.indexOf('\n');
    while (nl >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line.startsWith('{')) lines.push(JSON.parse(line));
      nl = buf.indexOf('\n');
    }
  });
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { lines, stderr: () => err, exited };
}
