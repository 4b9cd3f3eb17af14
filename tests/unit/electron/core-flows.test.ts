// @vitest-environment node
// The core's own wiring is direct calls: a fleet change reaches the collector, a settings change the collector
// and the pool, and only then do the faces hear of it on the event bus, which nothing in the core listens to.
import { describe, expect, it } from 'vitest';

import type { EventName } from '../../../shared/contract';
import { fleetChange } from '../../../shared/fleet';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { Collector, CollectorUpdate } from '../../../electron/collector/collector';
import { summarize } from '../../../electron/collector/live';
import { createEventBus } from '../../../electron/contract/events';
import { createCoreFlows } from '../../../electron/core-flows';
import type { PoolConnection } from '../../../electron/pool/connection';
import { createSwitchableFeed } from '../../../electron/pool/switchable-feed';
import { rigRecord } from './collector/fixtures';

function setup() {
  const calls: string[] = [];
  const events = createEventBus();
  events.subscribe((name: EventName) => calls.push(`bus ${name}`));
  const rigs = [rigRecord('a')];
  let listener: ((u: CollectorUpdate) => void) | null = null;
  const collector: Pick<Collector, 'setRigs' | 'subscribe' | 'configure'> = {
    setRigs: (list) => void calls.push(`setRigs ${list.map((r) => r.id).join(',')}`),
    configure: (patch) => void calls.push(`configure ${patch.pollIntervalSec}`),
    subscribe(l) {
      listener = l;
      return () => (listener = null);
    },
  };
  const pool: PoolConnection = {
    configured: () => false,
    setApiKey: async () => undefined,
    reconfigure: async () => void calls.push('pool.reconfigure'),
    start: () => undefined,
    stop: async () => undefined,
  };
  const flows = createCoreFlows({
    events,
    registry: { list: () => rigs },
    collector,
    pool,
    feed: createSwitchableFeed(() => 0),
  });
  const update = (u: CollectorUpdate) => listener?.(u);
  return { calls, flows, update, rigs };
}

describe('core flows', () => {
  it('tells the collector of a fleet change, then the faces; before start only the faces', () => {
    const { calls, flows, rigs } = setup();
    flows.fleetChanged(fleetChange({ added: rigs }));
    expect(calls).toEqual(['bus fleet.changed']);
    calls.length = 0;
    flows.start();
    flows.fleetChanged(fleetChange({ added: rigs }));
    flows.fleetChanged(fleetChange({}));
    expect(calls).toEqual(['setRigs a', 'bus fleet.changed', 'bus fleet.changed']);
  });

  it('reconfigures the collector and the pool on a settings change, then tells the faces', () => {
    const { calls, flows } = setup();
    flows.start();
    flows.settingsChanged({ ...DEFAULT_SETTINGS, pollIntervalSec: 30 });
    expect(calls).toEqual(['configure 30', 'pool.reconfigure', 'bus settings.changed']);
  });

  it("sends the collector's findings out to the faces while started, and nothing empty", () => {
    const { calls, flows, update } = setup();
    const summary = summarize([], 0, null);
    flows.start();
    update({ live: [], removed: [], summary });
    update({ live: [], removed: ['gone'], summary });
    flows.stop();
    update({ live: [], removed: ['gone'], summary });
    expect(calls).toEqual(['bus fleet.changed']);
  });
});
