import type { Handlers } from '../../shared/contract';
import type { DiscoveredDevice } from '../../shared/discovery';
import { RpcError } from '../../shared/errors';
import { errorMessage } from '../contract/dispatch';
import type { EventBus } from '../contract/events';
import type { Registry } from '../fleet/registry';
import type { SettingsService } from '../settings/service';
import type { Discovery } from './service';
import { TargetError, parseTargets } from './targets';

export type DiscoveryHandlerDeps = {
  discovery: Discovery;
  registry: Registry;
  settings: SettingsService;
  events: EventBus;
};

/** Marks a device that is already in the fleet, so the Discovery page can say "in fleet" instead of "add". */
export function withRigId(registry: Registry, device: DiscoveredDevice): DiscoveredDevice {
  return { ...device, rigId: registry.match(device) };
}

export function discoveryHandlers(
  deps: DiscoveryHandlerDeps,
): Pick<Handlers, 'discovery.scan' | 'discovery.cancel'> {
  const { discovery, registry, settings, events } = deps;
  return {
    'discovery.scan': async ({ targets, connectTimeoutMs, concurrency }) => {
      let set;
      try {
        set = parseTargets(targets);
      } catch (err) {
        if (!(err instanceof TargetError)) throw err;
        throw new RpcError({
          code: 'invalid_argument',
          message: err.message,
          issues: [{ path: 'targets', message: err.message }],
        });
      }
      const options = {
        ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
        ...(concurrency !== undefined ? { concurrency } : {}),
      };
      let scanId = '';
      const handle = discovery.scan(set, options, (e) => {
        if (e.type === 'found')
          events.emit('discovery.found', { scanId, device: withRigId(registry, e.device) });
        else if (e.type === 'progress')
          events.emit('discovery.progress', { scanId, done: e.done, total: e.total, found: e.found });
        else events.emit('discovery.done', { scanId, ...e.summary, error: null });
      });
      scanId = handle.id;
      handle.done.catch((err: unknown) => {
        const byKind = { vnish: 0, unsupported: 0, unknown: 0 };
        events.emit('discovery.done', {
          scanId,
          total: set.total,
          done: 0,
          found: 0,
          byKind,
          cancelled: false,
          elapsedMs: 0,
          error: errorMessage(err),
        });
      });
      // Remembered for next time, most recent first, without duplicates.
      const remembered = [...new Set([...targets, ...settings.get().scanTargets])].slice(0, 32);
      settings.update({ scanTargets: remembered });
      return { scanId, total: set.total };
    },
    'discovery.cancel': async ({ scanId }) => ({ cancelled: discovery.cancel(scanId) }),
  };
}
