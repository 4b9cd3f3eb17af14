/**
 * The prediction round (docs/abacus.md §11): every rig's current features to predictMultiple in batches of
 * `batchSize`, each answer read and kept as that rig's recommendations until the next answer for it.
 */
import type { Recommendation } from '../../../shared/advice';
import type { AbacusContext } from './context';
import { type FeatureRow, featureRow } from './features';
import { parsePredictions, toRecommendations } from './predictions';

export type Predictor = {
  predictOnce(): Promise<void>;
  latest(): Recommendation[];
  lastOkMs(): number | null;
};

export function createPredictor(ctx: AbacusContext): Predictor {
  const { deps } = ctx;
  const byRig = new Map<string, Recommendation[]>();
  let lastOkMs: number | null = null;
  let busy = false;

  const batch = async (token: string, deploymentId: string, rows: FeatureRow[]): Promise<boolean> => {
    const r = await ctx.call(
      'predict',
      'predictMultiple',
      { deploymentToken: token, deploymentId },
      { queryData: rows },
    );
    if (!r.ok) return false;
    const ids = rows.map((row) => String(row['rig_id']));
    const parsed = parsePredictions(r.result, ids, deps.settings().resultFields);
    if (!parsed.ok) {
      ctx.guard.malformed('predict', parsed.message, r.requestId);
      return false;
    }
    for (const id of ids) byRig.set(id, []);
    for (const rec of toRecommendations(parsed.predictions, deps.clock.now()))
      byRig.get(rec.rigId)?.push(rec);
    return true;
  };

  return {
    async predictOnce() {
      const s = deps.settings();
      const token = deps.tokens.deployment();
      if (!s.enabled || !token || s.deploymentId === '' || busy) return;
      busy = true;
      try {
        const lives = deps.source.live();
        const present = new Set(lives.map((l) => l.rigId));
        for (const id of [...byRig.keys()]) if (!present.has(id)) byRig.delete(id);
        const rows: FeatureRow[] = [];
        for (const l of lives) {
          const row = featureRow(l, deps.source.snapshot(l.rigId));
          if (row) rows.push(row);
        }
        let complete = rows.length > 0;
        for (let i = 0; i < rows.length && complete; i += s.batchSize)
          complete = await batch(token, s.deploymentId, rows.slice(i, i + s.batchSize));
        if (complete) lastOkMs = deps.clock.now();
      } finally {
        busy = false;
      }
    },
    latest() {
      const s = deps.settings();
      if (!s.enabled) return [];
      // Answers older than three rounds are from a model RigDeck can no longer reach: not current advice.
      const oldest = deps.clock.now() - 3 * s.predictIntervalSec * 1000;
      return [...byRig.values()].flat().filter((r) => r.createdAtMs >= oldest);
    },
    lastOkMs: () => lastOkMs,
  };
}
