/** `control.run` and `audit.list`: the contract's door to the command runner and its audit log. */
import type { Handlers } from '../../shared/contract';
import { controlActionSchema } from '../../shared/control';
import { invalidArgument, RpcError } from '../../shared/errors';
import { DISRUPTIVE } from './actions';
import { type AuditLog } from './audit';
import { type Control } from './runner';

const CONFIRM_WORDS: Record<string, string> = {
  reboot: 'takes the rig offline while it reboots',
  restart: 'stops hashing while mining restarts',
  stop: 'stops hashing until it is started again',
  pause: 'stops hashing until it is resumed',
};

export function controlHandlers(deps: {
  control: Control;
  audit: Pick<AuditLog, 'list'>;
}): Pick<Handlers, 'control.run' | 'audit.list'> {
  return {
    'control.run': async ({ action: kind, rigIds, params, confirm }, ctx) => {
      const parsed = controlActionSchema.safeParse({ ...params, kind });
      if (!parsed.success) throw invalidArgument(parsed.error);
      if (DISRUPTIVE.has(kind) && !confirm) {
        const n = rigIds.length;
        const message = `"${kind}" ${CONFIRM_WORDS[kind] ?? 'disrupts mining'} on ${n} rig${n === 1 ? '' : 's'}: confirm to proceed.`;
        throw new RpcError({ code: 'invalid_argument', message, issues: [{ path: 'confirm', message }] });
      }
      return { results: await deps.control.run({ action: parsed.data, rigIds, face: ctx.face }) };
    },
    'audit.list': async (req) => ({ entries: deps.audit.list(req) }),
  };
}
