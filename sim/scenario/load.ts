// Loading a scenario by built-in name (demo, big) or file path, plus the one-model fleet that
// `--miners N --model M` asks for.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { formatIssues, type Scenario, scenarioSchema } from './schema';

const BUILTIN = ['demo', 'big'];

export function scenarioDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
}

export function parseScenario(value: unknown, source: string): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) throw new Error(formatIssues(result.error, source));
  return result.data;
}

export function loadScenario(nameOrPath: string): Scenario {
  const path = BUILTIN.includes(nameOrPath) ? join(scenarioDir(), `${nameOrPath}.json`) : nameOrPath;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read scenario ${path}: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`scenario ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  return parseScenario(value, path);
}

export function uniformScenario(count: number, model: 'L7' | 'L9' | 'L3+', firmware = '1.3.4'): Scenario {
  return parseScenario({ name: `${count}x${model}`, rigs: [{ count, model, firmware }] }, '--miners');
}
