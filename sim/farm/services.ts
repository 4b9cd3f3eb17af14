// The contract between the farm and its side services (ProHashing and Abacus fakes, control API).
import { type Rig } from '../rig/types';

export type FarmService = {
  tick(now: number, dtSec: number, rigs: readonly Rig[]): void;
  close(): Promise<void>;
};
