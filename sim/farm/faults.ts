// Faults a scenario or the control API can put on a rig (issue 3 "Faults"), validated with zod and
// applied to the rig's fault record. Each kind can be cleared on its own.
import { z } from 'zod';
import { type Faults } from '../rig/types';
import { noFaults } from '../rig/create';

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('overheat'),
    clogged: z.number().min(0).max(0.95).default(0.8),
    ambientRise: z.number().min(0).max(40).default(0),
  }),
  z.object({ kind: z.literal('fan-lost'), fan: z.number().int().min(0).default(0) }),
  z.object({
    kind: z.literal('chain-failure'),
    chain: z.number().int().min(1).default(1),
    state: z.enum(['failure', 'disconnected']).default('failure'),
  }),
  z.object({ kind: z.literal('chips-degrading'), perHour: z.number().positive().default(30) }),
  z.object({ kind: z.literal('pool-down'), slot: z.number().int().min(0).max(2).default(0) }),
  z.object({ kind: z.literal('pool-rejecting'), slot: z.number().int().min(0).max(2).default(0) }),
  z.object({
    kind: z.literal('network'),
    mode: z.enum(['no-answer', 'slow', 'reset']),
    slowMs: z.number().int().min(0).max(120_000).default(3000),
  }),
  z.object({ kind: z.literal('offline') }),
  z.object({ kind: z.literal('reboot-loop'), everySec: z.number().positive().default(180) }),
  z.object({
    kind: z.literal('init-failure'),
    code: z.number().int().default(1002),
    description: z.string().default('Failed to parse miner configuration'),
  }),
  /** Hashes this share below its siblings with every chip looking fine. */
  z.object({ kind: z.literal('weak'), share: z.number().min(0).max(0.5).default(0.15) }),
  /** Dust building up: the airflow lost grows by `perHour` (up to the overheat fault's 0.95). */
  z.object({ kind: z.literal('dusting'), perHour: z.number().positive().max(1).default(0.1) }),
]);

export type Fault = z.infer<typeof faultSchema>;
export type FaultKind = Fault['kind'];
export const FAULT_KINDS = [
  'overheat',
  'fan-lost',
  'chain-failure',
  'chips-degrading',
  'pool-down',
  'pool-rejecting',
  'network',
  'offline',
  'reboot-loop',
  'init-failure',
  'weak',
  'dusting',
] as const satisfies readonly FaultKind[];

export function applyFault(f: Faults, fault: Fault): Faults {
  const next: Faults = structuredClone(f);
  switch (fault.kind) {
    case 'overheat':
      next.clogged = fault.clogged;
      next.ambientDelta = fault.ambientRise;
      break;
    case 'fan-lost':
      if (!next.lostFans.includes(fault.fan)) next.lostFans.push(fault.fan);
      break;
    case 'chain-failure':
      next.chainFailures[fault.chain] = fault.state;
      break;
    case 'chips-degrading':
      next.degrading = fault.perHour;
      break;
    case 'pool-down':
      if (!next.poolDown.includes(fault.slot)) next.poolDown.push(fault.slot);
      break;
    case 'pool-rejecting':
      if (!next.poolRejecting.includes(fault.slot)) next.poolRejecting.push(fault.slot);
      break;
    case 'network':
      next.network = fault.mode;
      next.slowMs = fault.slowMs;
      break;
    case 'offline':
      next.offline = true;
      break;
    case 'reboot-loop':
      next.rebootLoopSec = fault.everySec;
      break;
    case 'init-failure':
      next.initFailure = { code: fault.code, description: fault.description };
      break;
    case 'weak':
      next.weak = fault.share;
      break;
    case 'dusting':
      next.dusting = fault.perHour;
      break;
  }
  return next;
}

export function clearFault(f: Faults, kind: FaultKind | 'all'): Faults {
  const fresh = noFaults();
  if (kind === 'all') return fresh;
  const next: Faults = structuredClone(f);
  switch (kind) {
    case 'overheat':
      next.clogged = 0;
      next.ambientDelta = 0;
      break;
    case 'fan-lost':
      next.lostFans = [];
      break;
    case 'chain-failure':
      next.chainFailures = {};
      break;
    case 'chips-degrading':
      next.degrading = 0;
      break;
    case 'pool-down':
      next.poolDown = [];
      break;
    case 'pool-rejecting':
      next.poolRejecting = [];
      break;
    case 'network':
      next.network = 'ok';
      next.slowMs = 0;
      break;
    case 'offline':
      next.offline = false;
      break;
    case 'reboot-loop':
      next.rebootLoopSec = 0;
      break;
    case 'init-failure':
      next.initFailure = null;
      break;
    case 'weak':
      next.weak = 0;
      break;
    case 'dusting':
      next.dusting = 0;
      next.clogged = 0;
      break;
  }
  return next;
}
