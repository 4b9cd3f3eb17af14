import type { PasswordRecord } from './password';

export type Verify = (password: string, record: PasswordRecord) => Promise<boolean>;

/** scrypt runs on libuv's small thread pool (4 threads), which file reads share: leave most of it to them. */
export const VERIFY_CONCURRENCY = 1;

/**
 * Runs password checks at most `limit` at a time, the rest waiting in order. Many addresses guessing at once
 * then queue behind each other instead of filling the thread pool, so pages and files keep being served.
 */
export function boundedVerify(verify: Verify, limit = VERIFY_CONCURRENCY): Verify {
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finished check hands its slot straight to the next waiter, so a newcomer can never slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async (password, record) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await verify(password, record);
    } finally {
      release();
    }
  };
}
