// Programmatic API of the virtual farm: tests, benchmarks and RigDeck's demo command start a farm
// in-process with startFarm(options) and stop it with farm.stop().
export { startFarm } from './farm/farm';
export type { Farm, FarmOptions, RigInfo, ProHashingInfo, AbacusInfo, ServiceInfo } from './farm/types';
export type { Fault, FaultKind } from './farm/faults';
export { faultSchema, FAULT_KINDS } from './farm/faults';
export { loadScenario, parseScenario } from './scenario/load';
export type { Scenario } from './scenario/schema';
export { makeFirmwareImage } from './vnish/firmware-image';
export { craSign } from './prohashing/wamp';
export { IP_REPORT_PORT, ipReportPayload } from './farm/ip-report';
export { MODELS } from './rig/models';
export { registryRecords } from './farm/records';
export type { ModelCode } from './rig/models';
