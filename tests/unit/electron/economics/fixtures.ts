/** A small fleet and pool state for the earnings tests: rigs a and b matched, c naming an unknown worker, d without one. */
import { emptyPoolState } from '../../../../electron/pool/switchable-feed';
import type { RigRecord } from '../../../../shared/fleet';
import type { PoolWorker, ProHashingState } from '../../../../shared/pool';
import type { RigLive } from '../../../../shared/telemetry';

export const T = 1_800_000_000_000;

export const rig = (id: string, ip: string): RigRecord => ({
  id,
  name: `rig-${id}`,
  labels: [],
  ip,
  httpPort: 80,
  rpcPort: 4028,
  serial: id,
  mac: null,
  model: 'L7',
  firmware: 'vnish',
  firmwareVersion: '1.2.7',
  hostname: null,
  addedAt: T,
  updatedAt: T,
  hasOwnPassword: false,
});

export const live = (
  rigId: string,
  hashrateMhs: number | null,
  powerW: number | null,
  liveness: RigLive['liveness'] = 'online',
) => ({ rigId, liveness, hashrateMhs, powerW }) as RigLive;

const worker = (name: string, mhs: number): PoolWorker => ({
  name,
  source: 'live',
  online: mhs > 0,
  hashrateHs: mhs * 1e6,
  shareCount: 1,
  allTimeShareCount: 1,
  connections: 1,
  coins: ['Litecoin'],
  algorithms: ['Scrypt'],
  difficulty: 1,
  updatedAt: T,
  sessions: [],
});

export function poolState(): ProHashingState {
  const s = emptyPoolState(T);
  return {
    ...s,
    workers: [worker('w-a', 9000), worker('w-b', 1000), worker('stray', 500)],
    balances: [
      {
        coin: 'Litecoin',
        abbreviation: 'LTC',
        balance: 0.25,
        unpaid: 0.25,
        paid24h: 1,
        payoutThreshold: 1,
        total: 1.25,
        paid: 1,
        updatedAt: T,
        source: 'rest',
      },
    ],
    profitability: [
      {
        algorithmId: '1',
        algorithm: 'Scrypt',
        usd: 0.002,
        btc: null,
        maxUsd: null,
        maxBtc: null,
        percentileUsd: null,
        percentileBtc: null,
        dataTimestamp: null,
        serverTimestamp: null,
      },
    ],
    mapping: {
      ...s.mapping,
      matched: [
        { rigId: 'a', worker: 'w-a' },
        { rigId: 'b', worker: 'w-b' },
      ],
      rigsWithUnknownWorker: [{ rigId: 'c', worker: 'w-typo' }],
      workersWithoutRig: ['stray'],
      rigsWithoutWorkerName: ['d'],
    },
  };
}
