import { homedir } from 'node:os';
import { resolve } from 'node:path';

import { defaultDataDir } from '../paths';

export function resolveDataDir(flag: string | undefined): string {
  return flag ? resolve(flag) : defaultDataDir(process.platform, process.env, homedir());
}
