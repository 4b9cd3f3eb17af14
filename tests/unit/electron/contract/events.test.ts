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

  it('a part of the core watching one event hears it as emitted, with no face to check it for', () => {
    const bus = createEventBus();
    const heard: unknown[] = [];
    const off = bus.watch('alerts.open', (payload) => heard.push(payload));
    expect(bus.listening('alerts.open')).toBe(true);
    expect(bus.listening('fleet.changed')).toBe(false);
    expect(bus.listening()).toBe(true);
    // Not checked (the compiler typed it), and not delivered for another event.
    expect(() => bus.emit('alerts.open', junk)).not.toThrow();
    bus.emit('map.changed', { placements: [], rooms: [] } as unknown as EventPayload<'map.changed'>);
    expect(heard).toEqual([junk]);
    off();
    expect(bus.listening()).toBe(false);
    bus.emit('alerts.open', { rigId: 'r3' });
    expect(heard).toEqual([junk]);
  });

  it('once a face listens, the payload is checked before the watcher or the face hears it', () => {
    const bus = createEventBus();
    const watched: unknown[] = [];
    const heard: unknown[] = [];
    bus.watch('alerts.open', (payload) => watched.push(payload));
    bus.subscribe((_name, payload) => heard.push(payload));
    expect(() => bus.emit('alerts.open', junk)).toThrow();
    expect([watched, heard]).toEqual([[], []]);
    bus.emit('alerts.open', { rigId: 'r4' });
    expect([watched, heard]).toEqual([[{ rigId: 'r4' }], [{ rigId: 'r4' }]]);
  });
});
