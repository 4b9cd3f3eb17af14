/**
 * The Abacus.AI client (docs/abacus.md §9–§11): streams each rig's features through the SQLite retry queue in
 * batches, asks the deployment for per-rig scores and actions in batches, and keeps the latest answers as
 * recommendations for the built-in engine to merge. Never acts on a rig: actions go through the control path.
 */
import type { AbacusStatus } from '../../../shared/abacus';
import type { Recommendation } from '../../../shared/advice';
import { type AbacusDeps, createContext } from './context';
import { createPredictor } from './predict';
import { createStreamer } from './stream';

export type { AbacusDeps, FeatureSource } from './context';

export type AbacusService = {
  /** Queue the rigs measured since the last round, then send what the queue holds, batch by batch. */
  streamOnce(): Promise<void>;
  /** Ask for every rig's score and actions, batch by batch. */
  predictOnce(): Promise<void>;
  /** The latest predictions as recommendations (empty when disabled or too old): the built-in engine merges these. */
  latestRecommendations(): Recommendation[];
  status(): AbacusStatus;
  /** Settings or tokens changed: forget cached endpoints and past trouble, try again at once. */
  reset(): void;
};

export function createAbacusService(deps: AbacusDeps): AbacusService {
  const ctx = createContext(deps);
  const streamer = createStreamer(ctx);
  const predictor = createPredictor(ctx);
  return {
    streamOnce: streamer.streamOnce,
    predictOnce: predictor.predictOnce,
    latestRecommendations: predictor.latest,
    status() {
      const s = deps.settings();
      const g = ctx.guard.view();
      const st = streamer.stats();
      const deploymentTokenSet = deps.tokens.deployment() !== null;
      const streamingTokenSet = deps.tokens.streaming() !== null;
      return {
        enabled: s.enabled,
        deploymentTokenSet,
        streamingTokenSet,
        streamingReady: streamingTokenSet && s.featureGroupId !== '',
        predictionsReady: deploymentTokenSet && s.deploymentId !== '',
        breaker: { state: g.breaker.state, failures: g.breaker.failures, retryAtMs: g.breaker.retryAtMs },
        queue: {
          rows: deps.queue.depth(),
          maxRows: s.queueMaxRows,
          droppedRows: deps.queue.droppedRows(),
          rejectedRows: st.rejectedRows,
        },
        notBeforeMs: g.notBeforeMs,
        lastError: g.lastError,
        lastStreamOkMs: st.lastOkMs,
        lastPredictOkMs: predictor.lastOkMs(),
        rowsSent: st.rowsSent,
        recommendations: predictor.latest().length,
      };
    },
    reset() {
      ctx.endpoints.clear();
      ctx.guard.reset();
    },
  };
}
