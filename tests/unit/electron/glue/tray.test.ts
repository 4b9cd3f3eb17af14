// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { createEventBus } from '../../../../electron/contract/events';
import { createTray } from '../../../../electron/desktop/tray';
import { type RigRecord, fleetChange } from '../../../../shared/fleet';
import { Tray, app, resetElectronFake } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

const rig = (id: string) => ({ id }) as RigRecord;

beforeEach(async () => {
  resetElectronFake();
  await app.whenReady();
});

describe('tray', () => {
  it('follows fleet.changed, opens on click and from the menu, and stops listening when destroyed', () => {
    const events = createEventBus();
    let rigs = [rig('a')];
    const open = vi.fn();
    const quit = vi.fn();
    const handle = createTray(
      '/icons/icon.png',
      { events, registry: { list: () => rigs } as never },
      open,
      quit,
    );
    const tray = Tray.instances[0];
    expect(tray?.tooltip).toBe('RigDeck: 1 rig registered');

    rigs = [rig('a'), rig('b'), rig('c')];
    events.emit('fleet.changed', fleetChange({}));
    expect(tray?.tooltip).toBe('RigDeck: 3 rigs registered');
    expect(tray?.menu?.items[0]).toMatchObject({ label: '3 rigs registered', enabled: false });

    tray?.emit('click');
    tray?.menu?.items.find((i) => i.label === 'Open RigDeck')?.click?.();
    expect(open).toHaveBeenCalledTimes(2);
    tray?.menu?.items.find((i) => i.label === 'Quit')?.click?.();
    expect(quit).toHaveBeenCalledTimes(1);

    handle.destroy();
    expect(tray?.destroyed).toBe(true);
    rigs = [];
    events.emit('fleet.changed', fleetChange({ removed: ['a'] }));
    expect(tray?.tooltip).toBe('RigDeck: 3 rigs registered');
  });
});
