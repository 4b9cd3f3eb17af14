/** Every command takes --help; with parseArgs' strict mode an unknown flag is an error the user sees. */
export const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--port must be 0–65535, not "${value}".`);
  return n;
}

export class UsageError extends Error {}
