import type { ProblemCode } from '../../shared/health';

/** What a group of rigs with one problem is doing, for "5 rigs overheating: rig-03, rig-07, …". */
export const problemWords: Record<ProblemCode, string> = {
  offline: 'offline',
  stale: 'not answering',
  'implausible-reading': 'reporting implausible values',
  'degraded-read': 'partly unreadable',
  'miner-failure': 'reporting a miner failure',
  'overheat-chip': 'overheating (chips)',
  'overheat-board': 'overheating (boards)',
  'temp-trend': 'heating up',
  'hashrate-low': 'hashing low',
  'chain-failed': 'with a failed hashboard',
  'chain-missing': 'missing a hashboard',
  'chips-degrading': 'with degrading chips',
  'fan-lost': 'with a lost fan',
  'fan-slow': 'with a slow fan',
  'thermal-restart': 'restarted for heat',
  'reboot-loop': 'in a reboot loop',
  'pool-down': 'not reaching the pool',
  'pool-rejecting': 'getting shares rejected',
  'pool-no-worker': 'unseen by the pool',
  'pool-hashrate-mismatch': 'under-credited by the pool',
  'pool-worker-unmatched': 'credited by the pool but matching no rig',
};
