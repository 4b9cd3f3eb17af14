import { describe, expect, it } from 'vitest';

import { createEventBus } from '../../../../electron/contract/events';
import { type EventPayload } from '../../../../shared/contract';

// A payload the contract refuses (rigId must be a string or null), typed as if it were valid.
const junk = { rigId: 42 } as unknown as EventPayload<'alerts.open'>;

describe('event bus', () => {
  it('checks a payload against the contract before any listener hears it', () => {
    const bus = createEventBus();
    const heard: unknown[] = [];
    bus.subscribe((name, payload) => heard.push([name, payload]));
    expect(() => bus.emit('alerts.open', junk)).toThrow();
    expect(heard).toEqual([]);
    bus.emit('alerts.open', { rigId: 'r1' });
    expect(heard).toEqual([['alerts.open', { rigId: 'r1' }]]);
  });

  it('with nobody listening, sends and checks nothing; a later listener hears only later events', () => {
    const bus = createEventBus();
    expect(() => bus.emit('alerts.open', junk)).not.toThrow();
    const heard: unknown[] = [];
    const off = bus.subscribe((_name, payload) => heard.push(payload));
    bus.emit('alerts.open', { rigId: null });
    off();
    bus.emit('alerts.open', { rigId: 'r2' });
    expect(heard).toEqual([{ rigId: null }]);
  });
});
