import { create } from 'zustand';

import { type JobNotice, jobEndNotice } from '../../shared/job-notice';
import type { JobProgress } from '../../shared/jobs';
import { getClient } from '../api';
import { type JobView, applyProgress, applyRead } from '../control/job-merge';

const LIST_LIMIT = 50;

type JobsState = {
  jobs: ReadonlyMap<string, JobView>;
  /** The panel (a drawer reachable from every page). */
  open: boolean;
  error: string | null;
  setOpen(open: boolean): void;
  /** Recent jobs (summaries; per-rig detail is read when a job is tracked or opened). */
  load(): Promise<void>;
  /** Reads one job whole (every rig) and keeps it current from then on. */
  track(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  /** Merges one `job.progress`; returns the notice when this event ended a job worth telling about. */
  progress(p: JobProgress): Promise<JobNotice | null>;
  /** Follows `job.progress`; `notify` gets the end of a long or bulk job (the caller decides how to show it). */
  watch(notify?: (notice: JobNotice) => void): () => void;
};

export const useJobsStore = create<JobsState>((set, get) => {
  const put = (view: JobView) => set({ jobs: new Map(get().jobs).set(view.id, view) });
  const fail = (err: unknown) => set({ error: err instanceof Error ? err.message : String(err) });
  // Ends already told, so a job read twice (event, then the panel's reload) notifies once.
  const told = new Set<string>();

  return {
    jobs: new Map(),
    open: false,
    error: null,
    setOpen(open) {
      set({ open });
    },
    async load() {
      try {
        const { jobs } = await getClient().call('jobs.list', { limit: LIST_LIMIT });
        const next = new Map(get().jobs);
        for (const j of jobs) {
          next.set(j.id, applyRead(next.get(j.id), j));
          if (j.state !== 'running') told.add(j.id);
        }
        set({ jobs: next, error: null });
      } catch (err) {
        fail(err);
      }
    },
    async track(id) {
      try {
        const job = await getClient().call('jobs.get', { id });
        put(applyRead(get().jobs.get(id), job));
      } catch (err) {
        fail(err);
      }
    },
    async cancel(id) {
      try {
        const job = await getClient().call('jobs.cancel', { id });
        put(applyRead(get().jobs.get(id), job));
      } catch (err) {
        fail(err);
      }
    },
    async progress(p) {
      const merged = applyProgress(get().jobs.get(p.jobId), p, Date.now());
      if (merged === undefined) await get().track(p.jobId);
      else put(merged);
      const view = get().jobs.get(p.jobId);
      if (view === undefined || view.state === 'running' || told.has(view.id)) return null;
      told.add(view.id);
      return jobEndNotice(view, Date.now());
    },
    watch(notify) {
      return getClient().on('job.progress', (p) => {
        void get()
          .progress(p)
          .then((notice) => notice && notify?.(notice));
      });
    },
  };
});
