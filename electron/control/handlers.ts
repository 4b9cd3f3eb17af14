/** `control.run`, `jobs.*` and `audit.list`: the contract's door to command jobs and the audit log. */
import type { Handlers } from '../../shared/contract';
import { controlActionSchema } from '../../shared/control';
import { invalidArgument, RpcError } from '../../shared/errors';
import { DISRUPTIVE } from './actions';
import { type AuditLog } from './audit';
import { type Jobs } from './jobs';

const CONFIRM_WORDS: Record<string, string> = {
  reboot: 'takes the rig offline while it reboots',
  restart: 'stops hashing while mining restarts',
  stop: 'stops hashing until it is started again',
  pause: 'stops hashing until it is resumed',
  restore: "puts back the backup's pools, fans and tuning (mining may restart to apply them)",
};

const noJob = (id: string) => new RpcError({ code: 'not_found', message: `No job with id ${id}.` });

export function controlHandlers(deps: {
  jobs: Pick<Jobs, 'start' | 'get' | 'list' | 'cancel'>;
  audit: Pick<AuditLog, 'list'>;
}): Pick<Handlers, 'control.run' | 'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'audit.list'> {
  return {
    'control.run': async ({ action: kind, rigIds, params, confirm }, ctx) => {
      const parsed = controlActionSchema.safeParse({ ...params, kind });
      if (!parsed.success) throw invalidArgument(parsed.error);
      if (DISRUPTIVE.has(kind) && !confirm) {
        const n = rigIds.length;
        const message = `"${kind}" ${CONFIRM_WORDS[kind] ?? 'disrupts mining'} on ${n} rig${n === 1 ? '' : 's'}: confirm to proceed.`;
        throw new RpcError({ code: 'invalid_argument', message, issues: [{ path: 'confirm', message }] });
      }
      const job = deps.jobs.start({ action: parsed.data, rigIds, face: ctx.face });
      return { jobId: job.id };
    },
    'jobs.list': async ({ limit }) => ({ jobs: deps.jobs.list(limit) }),
    'jobs.get': async ({ id }) => {
      const job = deps.jobs.get(id);
      if (job === null) throw noJob(id);
      return job;
    },
    'jobs.cancel': async ({ id }) => {
      const job = deps.jobs.cancel(id);
      if (job === null) throw noJob(id);
      return job;
    },
    'audit.list': async (req) => ({ entries: deps.audit.list(req) }),
  };
}
