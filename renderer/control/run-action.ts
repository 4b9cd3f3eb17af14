/** Starts a command job from a dialog: the job id on success, the core's words on failure. */
import type { ActionKind } from '../../shared/control';
import { getClient } from '../api';

export type Started = { jobId: string } | { error: string };

export async function runAction(
  action: ActionKind,
  rigIds: readonly string[],
  params: Record<string, unknown>,
  confirm = false,
): Promise<Started> {
  try {
    return await getClient().call('control.run', { action, rigIds: [...rigIds], params, confirm });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
