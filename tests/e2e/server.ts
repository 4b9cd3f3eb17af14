import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export type Served = {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Stops it and starts it again on the same data directory; `samePort` keeps the URL (a page reconnects by itself). */
  restart(samePort?: boolean): Promise<Served>;
};

/** Starts the real headless face (`rigdeck serve`) on a free port with its own fresh data directory. */
export async function serve(
  dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-e2e-')),
  port = 0,
): Promise<Served> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/cli/index.ts',
      'serve',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--ip-report',
      'off',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const stop = () => stopChild(child);
  const restart = async (samePort = false) => {
    await stop();
    return serve(dataDir, samePort ? Number(new URL(url).port) : 0);
  };
  return { url, dataDir, stop, restart };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function passwd(dataDir: string, password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', 'passwd', '--data', dataDir],
      {
        cwd: ROOT,
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`passwd exited with ${code}`))));
    child.stdin?.end(`${password}\n`);
  });
}
