import { useState } from 'react';

import { jobOutcomeText, jobTitle } from '../../shared/job-notice';
import { useFleetStore } from '../stores/fleet';
import { useSettingsStore } from '../stores/settings';
import { useJobsStore } from '../stores/jobs';
import { directActions, rigCount } from './actions';
import { ConfirmDialog } from './ConfirmDialog';
import { type JobView, awaitingRestart, jobDone, jobOrder } from './job-merge';
import { stateTone } from './job-tone';

function JobRigs({ job }: { job: JobView }) {
  const rigs = useFleetStore((s) => s.rigs);
  if (job.rigs === null) return <p className="muted">Reading…</p>;
  return (
    <table className="grid job-rigs">
      <tbody>
        {job.rigs.map((r) => (
          <tr key={r.rigId} data-rig={r.rigId} data-state={r.state}>
            <td>{rigs.get(r.rigId)?.name ?? r.rigId}</td>
            <td>
              <span className={`badge ${stateTone(r.state)}`}>{r.state}</span>
            </td>
            <td className="message">{r.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const RESTART = directActions.find((a) => a.kind === 'restart');

function JobItem({ job }: { job: JobView }) {
  const { track, cancel } = useJobsStore.getState();
  const pacing = useSettingsStore((s) => s.settings?.control ?? null);
  const [hidden, setHidden] = useState(false);
  const [restarting, setRestarting] = useState(false);
  const { done, of } = jobDone(job);
  const shown = job.rigs !== null && !hidden;
  const restart = awaitingRestart(job);
  return (
    <li className="job" data-job={job.id} data-state={job.state}>
      <div className="job-head">
        <strong>{jobTitle(job)}</strong> <span className="muted">on {rigCount(of)}</span>{' '}
        <span className={`badge ${stateTone(job.state)}`}>{job.state}</span>
        <small className="muted">
          {' '}
          {new Date(job.createdAtMs).toLocaleTimeString()} · {job.face}
        </small>
      </div>
      <div className="job-progress">
        <progress value={done} max={Math.max(1, of)} aria-label={`${done} of ${of} rigs finished`} />
        <span data-testid="job-count">
          {done} of {of} finished
        </span>
        {done > 0 && <span className="muted">{jobOutcomeText(job.totals)}</span>}
      </div>
      <div className="actions">
        {job.state === 'running' && (
          <button type="button" className="small danger" onClick={() => void cancel(job.id)}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="small secondary"
          aria-expanded={shown}
          onClick={() => {
            if (job.rigs === null) void track(job.id);
            setHidden(shown);
          }}
        >
          {shown ? 'Hide rigs' : 'Rigs'}
        </button>
        {restart.length > 0 && RESTART && (
          <button type="button" className="small secondary" onClick={() => setRestarting(true)}>
            Restart mining on {rigCount(restart.length)}…
          </button>
        )}
      </div>
      {restarting && RESTART && (
        <ConfirmDialog
          action={RESTART}
          rigIds={restart}
          pacing={pacing}
          onClose={() => setRestarting(false)}
          onStarted={(id) => void track(id)}
        />
      )}
      {shown && <JobRigs job={job} />}
    </li>
  );
}

/** Every recent command job, newest first, with its rigs' live states; reachable from every page. */
export function JobsPanel() {
  const { jobs, open, error, setOpen } = useJobsStore();
  if (!open) return null;
  const list = jobOrder(jobs);
  return (
    <aside className="jobs-panel" aria-label="Jobs" data-testid="jobs-panel">
      <div className="jobs-head">
        <h2>Jobs</h2>
        <button type="button" className="small secondary" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {list.length === 0 ? (
        <p className="muted">No commands sent yet.</p>
      ) : (
        <ul className="jobs">
          {list.map((j) => (
            <JobItem key={j.id} job={j} />
          ))}
        </ul>
      )}
    </aside>
  );
}
