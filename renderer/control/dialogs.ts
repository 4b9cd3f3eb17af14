/**
 * Which control actions open a dialog, and which one. The actions bar shows a dialog button only for a kind
 * listed here (renderer/control/actions.ts `dialogLabels` gives its label). Every dialog takes `DialogProps`.
 * Each is a chunk of its own, fetched when first opened: none is on the first screen (renderer_bundle_gzip_kb),
 * so the actions bar shows them under a Suspense boundary.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

import type { ActionKind } from '../../shared/control';
import type { DialogProps } from './dialog-props';

export type { DialogProps } from './dialog-props';
export type ControlDialog = LazyExoticComponent<ComponentType<DialogProps>>;

const chunk = <K extends string>(load: () => Promise<Record<K, ComponentType<DialogProps>>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

export const dialogs: Partial<Record<ActionKind, ControlDialog>> = {
  preset: chunk(() => import('./PresetDialog'), 'PresetDialog'),
  overclock: chunk(() => import('./OverclockDialog'), 'OverclockDialog'),
  throttle: chunk(() => import('./ThrottleDialog'), 'ThrottleDialog'),
  fan: chunk(() => import('./FanDialog'), 'FanDialog'),
  // The pools dialog also switches the active pool.
  pools: chunk(() => import('./PoolsDialog'), 'PoolsDialog'),
  firmware: chunk(() => import('./FirmwareDialog'), 'FirmwareDialog'),
};
