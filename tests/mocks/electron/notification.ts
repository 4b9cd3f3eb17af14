import { EventEmitter } from 'node:events';

import type { NotificationConstructorOptions } from 'electron';
import { vi } from 'vitest';

import { FakeEvent, journal, requireReady } from './journal';

/** An OS notification; like Electron's, usable only after ready. `click()` is the user clicking it. */
export class Notification extends EventEmitter {
  static readonly instances: Notification[] = [];
  static readonly isSupported = vi.fn(() => true);
  shown = false;
  closed = false;
  constructor(readonly options: NotificationConstructorOptions = {}) {
    super();
    requireReady('new Notification');
    Notification.instances.push(this);
  }
  show(): void {
    journal.push(`notification.show ${this.options.title ?? ''}`);
    this.shown = true;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', new FakeEvent());
  }
  click(): void {
    this.emit('click', new FakeEvent());
  }
}
