import type { Client } from './types';

export type FirstDataWait = {
  /** Whether the opening page has what it shows (or knows it will not come: an error to show instead). */
  ready: () => boolean;
  /** The stores `ready` reads: each call subscribes to one, and returns its unsubscribe. */
  watch: ((changed: () => void) => () => void)[];
  /** The longest the first render waits: past it the page renders and shows its own "Loading…". */
  capMs: number;
};

/**
 * Resolves when the opening page's first data is in, when the core asks for a login first (nothing comes before
 * it), or after `capMs`. Rendering the page once, with its data, spares the main thread a first render of an
 * empty page, and its layout, while the replies wait behind it (ui_first_data_ms, ui_map_first_paint_ms).
 */
export function firstData(client: Pick<Client, 'onStatus'>, wait: FirstDataWait): Promise<void> {
  return new Promise((resolve) => {
    const offs: (() => void)[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const off of offs.splice(0)) off();
      resolve();
    };
    const check = () => {
      if (wait.ready()) finish();
    };
    const timer = setTimeout(finish, wait.capMs);
    const keep = (off: () => void) => (done ? off() : offs.push(off));
    for (const watch of wait.watch) keep(watch(check));
    keep(client.onStatus(({ status }) => status === 'login' && finish()));
    check();
  });
}
