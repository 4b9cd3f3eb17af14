// Public shapes of a running farm, shared by the programmatic API, the CLI and the control API.
import { type AuthPolicy } from '../vnish/auth';
import { type Timing, type FailureCodes } from '../rig/machine';
import { type ModelCode } from '../rig/models';
import { type Rig } from '../rig/types';
import { type Scenario } from '../scenario/schema';
import { type Fault, type FaultKind } from './faults';
import { type RestQuirks } from '../prohashing/rest';

export type FarmOptions = {
  /** Built-in name ("demo", "big"), a file path, or a parsed scenario. */
  scenario?: string | Scenario;
  /** A uniform fleet instead of a scenario. */
  miners?: number;
  model?: ModelCode;
  firmware?: string;
  baseIp?: string;
  basePort?: number;
  /** Simulated seconds per real second. */
  speed?: number;
  seed?: number | string;
  /** 'manual' freezes time until farm.advance() is called: for tests. */
  clock?: 'real' | 'manual';
  startTime?: number;
  timing?: Partial<Timing>;
  failureCodes?: Partial<FailureCodes>;
  authPolicy?: Partial<AuthPolicy>;
  /** First port of the farm services on 127.0.0.1: ProHashing +0, Abacus +1, control API +2. 0 = ephemeral. */
  servicePort?: number;
  services?: { prohashing?: boolean; abacus?: boolean; control?: boolean };
  /** Abacus fake: calls per second before 429. */
  abacusRateLimit?: number;
  /** Real milliseconds between ticks in real-clock mode. */
  tickMs?: number;
};

export type RigInfo = {
  name: string;
  model: ModelCode;
  kind: Rig['kind'];
  firmware: string;
  ip: string;
  httpPort: number;
  rpcPort: number;
  mac: string;
  serial: string;
  url: string;
};

export type ServiceInfo = { url: string };

export type ProHashingInfo = ServiceInfo & { wsUrl: string; account: string; apiKey: string };
export type AbacusInfo = ServiceInfo & {
  deploymentId: string;
  deploymentToken: string;
  featureGroupId: string;
  streamingToken: string;
  apiKey: string;
};

export type Farm = {
  scenario: Scenario;
  addressingMode: 'per-ip' | 'port-range';
  rigs: RigInfo[];
  prohashing: ProHashingInfo | null;
  abacus: AbacusInfo | null;
  control: ServiceInfo | null;
  now(): number;
  rig(name: string): Rig;
  /** Manual clock only: move simulated time forward, ticking rigs and services. */
  advance(seconds: number): Promise<void>;
  applyFault(name: string, fault: Fault): void;
  clearFault(name: string, kind: FaultKind | 'all'): void;
  reboot(name: string): void;
  /** Change the ProHashing fake's REST quirks (numeric strings, nulls, HTML page, wrong-key status). */
  setProHashingQuirks(q: Partial<RestQuirks>): RestQuirks | null;
  ipReport(name: string, target?: string, port?: number): Promise<void>;
  /** Wait until every rig's sockets match its state (after reboots, offline faults). */
  settle(): Promise<void>;
  stop(): Promise<void>;
};
