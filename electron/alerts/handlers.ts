import type { Handlers } from '../../shared/contract';
import { RpcError } from '../../shared/errors';

type AlertHandlers = Pick<
  Handlers,
  | 'alerts.list'
  | 'alerts.acknowledge'
  | 'alerts.snooze'
  | 'maintenance.list'
  | 'maintenance.add'
  | 'maintenance.remove'
>;

const unavailable = async (): Promise<never> => {
  throw new RpcError({ code: 'unavailable', message: 'The alerts engine is being built.' });
};

/** Placeholder until the alerts engine lands in this folder: every call answers "unavailable". */
export function alertHandlers(): AlertHandlers {
  return {
    'alerts.list': unavailable,
    'alerts.acknowledge': unavailable,
    'alerts.snooze': unavailable,
    'maintenance.list': unavailable,
    'maintenance.add': unavailable,
    'maintenance.remove': unavailable,
  };
}
