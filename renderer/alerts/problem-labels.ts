import type { ProblemCode } from '../../shared/health';

/** What each problem code means, in the words a technician uses (filters and per-rule settings). */
export const problemLabels: Record<ProblemCode, string> = {
  offline: 'Offline',
  stale: 'Not answering (stale)',
  'implausible-reading': 'Implausible reading',
  'degraded-read': 'Partial read',
  'miner-failure': 'Miner failure',
  'overheat-chip': 'Chip overheating',
  'overheat-board': 'Board overheating',
  'temp-trend': 'Temperature rising',
  'hashrate-low': 'Hashrate low',
  'chain-failed': 'Chain failed',
  'chain-missing': 'Chain missing',
  'chips-degrading': 'Chips degrading',
  'fan-lost': 'Fan lost',
  'fan-slow': 'Fan slow',
  'thermal-restart': 'Thermal restart',
  'reboot-loop': 'Reboot loop',
  'pool-down': 'Pool down',
  'pool-rejecting': 'Pool rejecting shares',
  'pool-no-worker': 'No worker at the pool',
  'pool-hashrate-mismatch': 'Pool hashrate mismatch',
  'pool-worker-unmatched': 'Pool worker with no rig',
};
