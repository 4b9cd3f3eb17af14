// A rig's live view as the collector would give it, for the Abacus.AI tests: healthy unless told otherwise.
import type { RigLive } from '../../../../../shared/telemetry';

export function rigLive(rigId: string, over: Partial<RigLive> = {}): RigLive {
  return {
    rigId,
    liveness: 'online',
    takenAtMs: 1_800_000_000_000,
    lastPollMs: 1_800_000_000_000,
    lastError: null,
    minerState: 'mining',
    restarting: false,
    failureCode: null,
    failureDescription: null,
    hashrateMhs: 9_400,
    nominalHashrateMhs: 9_500,
    powerW: 3_400,
    efficiencyJPerMh: 0.362,
    chipTempMaxC: 68,
    boardTempMaxC: 60,
    fanRpmMin: 4_800,
    fansLost: 0,
    uptimeSec: 86_400,
    preset: '3425',
    chains: [
      {
        id: 0,
        state: 'mining',
        hashrateMhs: 3_130,
        chipTempMaxC: 68,
        frequencyMhz: 600,
        chipsRed: 0,
        chipsOrange: 1,
      },
    ],
    poolHashrateMhs: 9_300,
    workerName: 'acct.rig1',
    health: 'ok',
    problems: [],
    ...over,
  };
}
