import { type ComponentType, createElement, lazy } from 'react';

export type Chunk<P> = { View: ComponentType<P>; preload: () => Promise<void> };

/**
 * A component in a chunk of its own (a page, the actions bar). Once its module is loaded it renders directly:
 * React's lazy() would suspend on its first render even then, and a Suspense boundary that showed its fallback
 * holds the content back for up to 300 ms (React's reveal throttle). `preload` fetches it ahead of need.
 */
export function chunk<M, P extends object>(
  load: () => Promise<M>,
  pick: (m: M) => ComponentType<P>,
): Chunk<P> {
  let loaded: ComponentType<P> | null = null;
  const resolve = () =>
    load().then((m) => {
      loaded = pick(m);
      return loaded;
    });
  const Lazy = lazy(() => resolve().then((c) => ({ default: c })));
  const View = (props: P) => (loaded ? createElement(loaded, props) : createElement(Lazy, props));
  return { View, preload: () => resolve().then(() => undefined) };
}
