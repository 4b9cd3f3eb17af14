/**
 * The collector's port to a pool connector: what it hands over (each rig's pool settings, for the worker ↔ rig
 * mapping) and what it reads back (workers and mapping). ProHashing's service implements it (pool/); the
 * collector depends on this type only.
 */
import type { ProHashingState, ProHashingTopic } from '../../shared/pool';

/** A rig's pool slots (Vnish), in priority order. */
export type RigPoolInput = { rigId: string; pools: { url: string; user: string; password: string }[] };

/** The part of the pool's state the collector merges into its rigs' views. */
export type PoolReading = Pick<ProHashingState, 'workers' | 'mapping'>;

export type PoolChange = { topics: readonly ProHashingTopic[]; state: PoolReading };

export type PoolFeed = {
  setRigs(rigs: readonly RigPoolInput[]): void;
  /** Called after every change with the topics it touched; returns the unsubscribe function. */
  subscribe(listener: (change: PoolChange) => void): () => void;
  getState(): PoolReading;
};
