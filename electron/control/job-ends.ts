/**
 * The end of a command job as a face outside the renderer learns it (the desktop's native notifications): the
 * last `job.progress` of a job names its end state but not its action or start, so the job is read back through
 * the dispatcher and `jobEndNotice` (shared/job-notice.ts) decides, exactly as the browser face decides.
 */
import { type CallContext, type Res } from '../../shared/contract';
import { type JobNotice, jobEndNotice } from '../../shared/job-notice';
import { type Dispatch } from '../contract/dispatch';
import { type EventBus } from '../contract/events';

export function watchJobEnds(
  core: { events: Pick<EventBus, 'subscribe'>; dispatch: Dispatch },
  ctx: CallContext,
  notify: (notice: JobNotice) => void,
  now: () => number = Date.now,
): () => void {
  const told = new Set<string>();
  return core.events.subscribe((name, payload) => {
    if (name !== 'job.progress') return;
    const { jobId, state } = payload as { jobId: string; state: string };
    if (state === 'running' || told.has(jobId)) return;
    told.add(jobId);
    void core.dispatch('jobs.get', { id: jobId }, ctx).then((r) => {
      if (!r.ok) return;
      const notice = jobEndNotice(r.value as Res<'jobs.get'>, now());
      if (notice) notify(notice);
    });
  });
}
