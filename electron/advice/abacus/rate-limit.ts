/**
 * Client-side token bucket: stay under the deployment's calls per second (docs/abacus.md §6) rather than learn
 * of it from 429s. Pure: the bucket in, the bucket out and how long to wait before this call may go.
 */

export type Bucket = { tokens: number; atMs: number };

export function takeToken(
  bucket: Bucket | null,
  nowMs: number,
  perSec: number,
): { bucket: Bucket; waitMs: number } {
  const rate = Math.max(perSec, 0.001);
  const start = bucket ?? { tokens: rate, atMs: nowMs };
  const refilled = Math.min(rate, start.tokens + (Math.max(0, nowMs - start.atMs) / 1000) * rate);
  if (refilled >= 1) return { bucket: { tokens: refilled - 1, atMs: nowMs }, waitMs: 0 };
  // Reserve the token now: the caller waits, and the next caller queues behind it.
  const waitMs = Math.ceil(((1 - refilled) / rate) * 1000);
  return { bucket: { tokens: refilled - 1, atMs: nowMs }, waitMs };
}
