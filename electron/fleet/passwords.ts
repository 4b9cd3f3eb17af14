import { VNISH_DEFAULT_PASSWORD } from '../../shared/fleet';
import type { Vault } from '../secrets/vault';

const DEFAULT_KEY = 'miner-password:default';
const rigKey = (rigId: string) => `miner-password:rig:${rigId}`;

export type Passwords = {
  /** The password to unlock this rig with: its own, else the fleet default, else Vnish's factory default. */
  forRig(rigId: string): string;
  hasOwn(rigId: string): boolean;
  defaultSet(): boolean;
  set(rigId: string | null, password: string): void;
  clear(rigId: string | null): void;
};

export function createPasswords(vault: Vault): Passwords {
  return {
    forRig: (rigId) => vault.get(rigKey(rigId)) ?? vault.get(DEFAULT_KEY) ?? VNISH_DEFAULT_PASSWORD,
    hasOwn: (rigId) => vault.has(rigKey(rigId)),
    defaultSet: () => vault.has(DEFAULT_KEY),
    set: (rigId, password) => vault.set(rigId === null ? DEFAULT_KEY : rigKey(rigId), password),
    clear: (rigId) => vault.delete(rigId === null ? DEFAULT_KEY : rigKey(rigId)),
  };
}
