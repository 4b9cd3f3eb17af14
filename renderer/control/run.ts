import type { ActionKind } from '../../shared/control';
import { getClient } from '../api';

/** Sends one action to the core as a job; resolves to the job's id, or rejects with the core's reason. */
export async function runAction(
  action: ActionKind,
  rigIds: readonly string[],
  params: Record<string, unknown>,
  confirm = false,
): Promise<string> {
  const { jobId } = await getClient().call('control.run', { action, rigIds: [...rigIds], params, confirm });
  return jobId;
}

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
