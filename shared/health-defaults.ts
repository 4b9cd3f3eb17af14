/**
 * Zod-free, so the Fleet table's fallback thresholds do not pull the settings schemas into the first load;
 * health-settings.ts re-exports it as `HealthSettings`, which checks it.
 */
export const DEFAULT_HEALTH_SETTINGS = {
  tempLimits: {
    default: { chipC: 85, boardC: 75 },
    L7: { chipC: 85, boardC: 75 },
    L9: { chipC: 85, boardC: 75 },
    'L3+': { chipC: 85, boardC: 75 },
  },
  hashrateLowShare: 0.8,
  hashrateLowMinutes: 10,
  fanMinRpm: 1000,
  rejectShare: 0.05,
  poolMismatchShare: 0.5,
  poolGraceMinutes: 15,
  rebootLoopCount: 3,
  rebootLoopMinutes: 60,
  chipsGrowth: 3,
  chipsWindowMinutes: 60,
  trendWindowMinutes: 15,
};
