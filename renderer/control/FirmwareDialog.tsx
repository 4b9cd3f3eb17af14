import { useEffect, useState } from 'react';

import type { FirmwareFile, FirmwareProgress } from '../../shared/firmware';
import type { JobRig } from '../../shared/jobs';
import { getClient } from '../api';
import { useFleetStore } from '../stores/fleet';
import { confirmText, DEFAULT_ROLLOUT, megabytes, type RolloutForm, stageFile } from './firmware-upload';

type Props = { rigIds: readonly string[]; onClose: () => void; onStarted: (jobId: string) => void };

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function RolloutFields({ value, onChange }: { value: RolloutForm; onChange: (r: RolloutForm) => void }) {
  const field = (key: keyof RolloutForm, label: string, unit: string, min: number, max: number) => (
    <label>
      {label}{' '}
      <input
        type="number"
        min={min}
        max={max}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: Number(e.target.value) })}
      />{' '}
      {unit}
    </label>
  );
  return (
    <fieldset className="firmware-rollout">
      <legend>Rollout</legend>
      {field('canary', 'Canary rigs', 'rigs', 1, 50)}
      {field('waveSize', 'Then waves of', 'rigs', 1, 500)}
      {field('gateMinutes', 'Gate: back within', 'min', 1, 120)}
      {field('minSharePct', 'hashing at least', '% of nominal', 10, 100)}
    </fieldset>
  );
}

type RigsProgress = {
  rigIds: readonly string[];
  uploads: Record<string, FirmwareProgress>;
  states: Record<string, JobRig>;
};

/** Per rig: the image's upload, then where the job has it (running, done, failed with why, halted). */
function UploadProgress({ rigIds, uploads, states }: RigsProgress) {
  const rigs = useFleetStore((s) => s.rigs);
  return (
    <ul className="firmware-progress">
      {rigIds.map((rigId) => {
        const name = rigs.get(rigId)?.name ?? rigId;
        const p = uploads[rigId];
        const job = states[rigId];
        return (
          <li key={rigId} data-firmware-rig={rigId} data-state={job?.state ?? 'queued'}>
            <span>{name}</span>
            {p && <progress max={p.totalBytes} value={p.sentBytes} aria-label={`Upload to ${name}`} />}
            {p && (
              <span>
                {megabytes(p.sentBytes)} of {megabytes(p.totalBytes)}
              </span>
            )}
            <span className={job?.state === 'failed' || job?.state === 'cancelled' ? 'error' : 'muted'}>
              {job?.message ?? job?.state ?? 'queued'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Pick an image, send it to the core, see its verdict, choose how it rolls out, confirm, and watch it go. */
export function FirmwareDialog({ rigIds, onClose, onStarted }: Props) {
  const client = getClient();
  const [picked, setPicked] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [staged, setStaged] = useState<FirmwareFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [keep, setKeep] = useState(true);
  const [rollout, setRollout] = useState<RolloutForm>(DEFAULT_ROLLOUT);
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<Record<string, FirmwareProgress>>({});
  const [states, setStates] = useState<Record<string, JobRig>>({});
  const several = rigIds.length > 1;

  useEffect(() => {
    if (jobId === null) return;
    const offUpload = client.on('firmware.progress', (p) => {
      if (p.jobId === jobId) setProgress((all) => ({ ...all, [p.rigId]: p }));
    });
    const offJob = client.on('job.progress', (p) => {
      if (p.jobId !== jobId || p.changed.length === 0) return;
      setStates((all) => ({ ...all, ...Object.fromEntries(p.changed.map((r) => [r.rigId, r])) }));
    });
    return () => {
      offUpload();
      offJob();
    };
  }, [client, jobId]);

  const pick = (file: File | null) => {
    setPicked(file);
    setStaged(null);
    setError(null);
    setSent(0);
    setConfirming(false);
    if (file === null) return;
    stageFile(client, file, setSent).then(setStaged, (e: unknown) => setError(errorText(e)));
  };

  const start = () => {
    if (staged === null) return;
    const params = { fileId: staged.fileId, keepSettings: keep, rollout: several ? rollout : null };
    client.call('control.run', { action: 'firmware', rigIds: [...rigIds], params, confirm: true }).then(
      ({ jobId: id }) => {
        setJobId(id);
        onStarted(id);
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <div className="firmware-dialog" role="dialog" aria-label="Upgrade firmware">
      <h3>
        Upgrade firmware on {rigIds.length} rig{several ? 's' : ''}
      </h3>
      {jobId === null && (
        <>
          <label>
            Firmware image{' '}
            <input
              type="file"
              accept=".tar.gz,.tgz,application/gzip"
              onChange={(e) => pick(e.target.files?.[0] ?? null)}
            />
          </label>
          {picked !== null && staged === null && error === null && (
            <div className="scan-progress">
              <progress max={picked.size} value={sent} aria-label="Sending the file to RigDeck" />
              <span>
                Checking: {megabytes(sent)} of {megabytes(picked.size)}
              </span>
            </div>
          )}
          {staged !== null && staged.ok && (
            <p className="firmware-verdict">
              {staged.name}: Vnish {staged.version ?? '(version not stated)'} for{' '}
              {staged.models.length > 0 ? staged.models.join(', ').toUpperCase() : 'any model (not stated)'},{' '}
              {megabytes(staged.size)}, sha256 {staged.sha256.slice(0, 12)}…
            </p>
          )}
          {staged !== null && !staged.ok && (
            <p className="error" role="alert">
              Refused: {staged.reason}. Nothing was sent to any rig.
            </p>
          )}
          {error !== null && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <label>
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> Keep the
            rig&apos;s settings
          </label>
          {several && <RolloutFields value={rollout} onChange={setRollout} />}
          {confirming && staged?.ok === true && (
            <p className="firmware-confirm">
              {confirmText(staged, rigIds.length, keep, several ? rollout : null)}
            </p>
          )}
        </>
      )}
      {jobId !== null && <UploadProgress rigIds={rigIds} uploads={progress} states={states} />}
      <div className="inline">
        {jobId === null && !confirming && (
          <button type="button" disabled={staged?.ok !== true} onClick={() => setConfirming(true)}>
            Upgrade…
          </button>
        )}
        {jobId === null && confirming && (
          <button type="button" className="danger" onClick={start}>
            Upgrade {rigIds.length} rig{several ? 's' : ''}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          {jobId === null ? 'Cancel' : 'Close'}
        </button>
      </div>
    </div>
  );
}
