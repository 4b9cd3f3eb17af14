import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';

import { checkNewPassword, clearPasswordRecord, hashPassword, writePasswordRecord } from '../server/password';
import { UsageError, helpOption } from './args';
import { resolveDataDir } from './data-dir';

export const passwdHelp = `Usage: npm run rigdeck -- passwd [--data DIR] [--clear]

Sets the password the headless server asks every browser for (stored as a salted scrypt hash in DIR/auth.json).
Reads the password from the terminal (asked twice, not echoed) or from the first line of standard input.
  --clear     remove the password (the server then only starts on loopback; one already
              running beyond loopback refuses everyone until a password is set again)`;

export async function passwd(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { data: { type: 'string' }, clear: { type: 'boolean' }, ...helpOption },
  });
  if (values.help) {
    console.log(passwdHelp);
    return 0;
  }
  const dataDir = resolveDataDir(values.data);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (values.clear) {
    clearPasswordRecord(dataDir);
    console.log(
      'Password removed. The headless server will only start on loopback; one already running beyond ' +
        'loopback refuses every connection until a password is set again.',
    );
    return 0;
  }
  const password = process.stdin.isTTY ? await askTwice() : await firstLine();
  const problem = checkNewPassword(password);
  if (problem) throw new UsageError(problem);
  writePasswordRecord(dataDir, await hashPassword(password));
  console.log(`Password set for ${dataDir}. Browsers must log in from now on.`);
  return 0;
}

async function askTwice(): Promise<string> {
  const first = await askHidden('New password: ');
  const second = await askHidden('Repeat it: ');
  if (first !== second) throw new UsageError('The two passwords differ; nothing was changed.');
  return first;
}

function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function firstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
