import { useJobsStore } from '../stores/jobs';
import { runningCount } from './job-merge';

/** The topbar's way in: how many jobs are running, and the panel on click. */
export function JobsIndicator() {
  const running = useJobsStore((s) => runningCount(s.jobs));
  const open = useJobsStore((s) => s.open);
  const setOpen = useJobsStore((s) => s.setOpen);
  return (
    <button
      type="button"
      className={`small secondary jobs-indicator${running > 0 ? ' busy' : ''}`}
      aria-pressed={open}
      data-testid="jobs-indicator"
      onClick={() => setOpen(!open)}
    >
      Jobs
      {running > 0 && <span className="nav-count"> {running} running</span>}
    </button>
  );
}
