/**
 * Which control actions open a dialog, and which one. The actions bar shows a dialog button only for a kind
 * listed here (renderer/control/actions.ts `dialogLabels` gives its label). Every dialog takes `DialogProps`.
 */
import { type ComponentType } from 'react';

import { type ActionKind } from '../../shared/control';
import { type DialogProps } from './dialog-props';
import { FanDialog } from './FanDialog';
import { FirmwareDialog } from './FirmwareDialog';
import { OverclockDialog } from './OverclockDialog';
import { PoolsDialog } from './PoolsDialog';
import { PresetDialog } from './PresetDialog';
import { ThrottleDialog } from './ThrottleDialog';

export type { DialogProps } from './dialog-props';
export type ControlDialog = ComponentType<DialogProps>;

export const dialogs: Partial<Record<ActionKind, ControlDialog>> = {
  preset: PresetDialog,
  overclock: OverclockDialog,
  throttle: ThrottleDialog,
  fan: FanDialog,
  // The pools dialog also switches the active pool.
  pools: PoolsDialog,
  firmware: FirmwareDialog,
};
