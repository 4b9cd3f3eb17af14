// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { createEventBus } from '../../../../electron/contract/events';
import { createDesktopNotifier } from '../../../../electron/desktop/notifications';
import type { AlertNotification } from '../../../../shared/alerts';
import { Notification, app, resetElectronFake } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

beforeEach(async () => {
  resetElectronFake();
  await app.whenReady();
});

const counts = { open: 0, acknowledged: 0, critical: 0, warning: 0 };
const note = (over: Partial<AlertNotification>): AlertNotification => ({
  title: 'rig-03 overheating (chips)',
  body: 'chip 89 °C, limit 85 °C',
  rigIds: ['rig-03'],
  severity: 'critical',
  sound: true,
  ...over,
});

describe('desktop notifications', () => {
  it('shows each grouped notification, with sound only when asked, and opens its rig when clicked', () => {
    const events = createEventBus();
    const open = vi.fn();
    const notifier = createDesktopNotifier({ events }, open);
    events.emit('alerts.changed', { alerts: [], counts, notify: [] });
    expect(Notification.instances).toEqual([]);

    events.emit('alerts.changed', {
      alerts: [],
      counts,
      notify: [
        note({}),
        note({
          title: '5 rigs with a slow fan',
          rigIds: ['a', 'b', 'c', 'd', 'e'],
          severity: 'warning',
          sound: false,
        }),
      ],
    });
    const [one, group] = Notification.instances;
    expect(one?.options).toMatchObject({
      title: 'rig-03 overheating (chips)',
      silent: false,
      urgency: 'critical',
    });
    expect(group?.options).toMatchObject({
      title: '5 rigs with a slow fan',
      silent: true,
      urgency: 'normal',
    });
    expect(one?.shown && group?.shown).toBe(true);

    one?.click();
    group?.click();
    expect(open.mock.calls).toEqual([['rig-03'], [null]]);

    events.emit('alerts.changed', { alerts: [], counts, notify: [note({ title: 'later' })] });
    notifier.destroy();
    expect(Notification.instances[2]?.closed).toBe(true);
    events.emit('alerts.changed', { alerts: [], counts, notify: [note({ title: 'after destroy' })] });
    expect(Notification.instances).toHaveLength(3);
  });

  it('shows nothing where the OS has no notifications', () => {
    Notification.isSupported.mockReturnValue(false);
    const events = createEventBus();
    createDesktopNotifier({ events }, vi.fn());
    events.emit('alerts.changed', { alerts: [], counts, notify: [note({})] });
    expect(Notification.instances).toEqual([]);
  });
});
