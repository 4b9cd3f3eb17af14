import type { Handlers } from '../../shared/contract';
import type { AlertService } from './service';

type AlertHandlers = Pick<
  Handlers,
  | 'alerts.list'
  | 'alerts.acknowledge'
  | 'alerts.snooze'
  | 'maintenance.list'
  | 'maintenance.add'
  | 'maintenance.remove'
>;

export function alertHandlers(alerts: AlertService): AlertHandlers {
  return {
    'alerts.list': async (req) => alerts.list(req),
    'alerts.acknowledge': async ({ ids }) => ({ alerts: alerts.acknowledge(ids) }),
    'alerts.snooze': async ({ ids, minutes }) => ({ alerts: alerts.snooze(ids, minutes) }),
    'maintenance.list': async () => ({ windows: alerts.windows() }),
    'maintenance.add': async (req) => alerts.addWindow(req),
    'maintenance.remove': async ({ id }) => ({ removed: alerts.removeWindow(id) }),
  };
}
