import type { Handlers } from '../../shared/contract';
import { RpcError } from '../../shared/errors';
import type { Collector } from '../collector/collector';
import type { Registry } from '../fleet/registry';
import type { HistoryStore } from '../store/history-types';

/** The most rows one CSV export through the UI returns; `npm run rigdeck -- export` has no such limit. */
export const MAX_UI_EXPORT_ROWS = 200_000;
/** The most rows one page of history.exportPage holds (a few MB of CSV at most). */
export const EXPORT_PAGE_ROWS = 10_000;
const LOG_DAYS = 7;

export type TelemetryDeps = {
  collector: Pick<Collector, 'live' | 'summary' | 'snapshot' | 'setRigs' | 'pollOnce'>;
  history: HistoryStore;
  registry: Pick<Registry, 'get' | 'list'>;
  now: () => number;
};

class TooBig extends Error {}

export function telemetryHandlers(
  deps: TelemetryDeps,
): Pick<
  Handlers,
  'fleet.live' | 'fleet.pollNow' | 'rig.detail' | 'history.query' | 'history.exportCsv' | 'history.exportPage'
> {
  const { collector, history, registry, now } = deps;
  return {
    'fleet.live': async () => ({ rigs: collector.live(), summary: collector.summary() }),

    'fleet.pollNow': async () => {
      const rigs = registry.list();
      // A core that was not started (the CLI) polls on demand only: it learns the fleet here.
      collector.setRigs(rigs);
      await collector.pollOnce();
      const live = collector.live();
      const answered = new Map(live.map((l) => [l.rigId, l.takenAtMs]));
      const lastSeenMs: Record<string, number | null> = {};
      for (const rig of rigs) lastSeenMs[rig.id] = answered.get(rig.id) ?? history.lastSeenMs(rig.id);
      return { rigs: live, summary: collector.summary(), lastSeenMs };
    },

    'rig.detail': async ({ id }) => {
      const rig = registry.get(id);
      if (!rig) throw new RpcError({ code: 'not_found', message: `No rig with id ${id} in the fleet.` });
      const t = now();
      return {
        rig,
        live: collector.live().find((l) => l.rigId === id) ?? null,
        snapshot: collector.snapshot(id),
        events: history.events(id, t - LOG_DAYS * 86_400_000, t, 200).map((e) => ({
          rigId: e.rigId,
          atMs: e.atMs,
          kind: e.kind,
          text: e.text,
        })),
      };
    },

    'history.query': async (q) => history.query(q),

    'history.exportCsv': async (q) => {
      const lines: string[] = [];
      try {
        const rows = history.exportCsv(q, (line) => {
          // Header plus rows: stop as soon as the answer would be too big to hand to a browser.
          if (lines.length > MAX_UI_EXPORT_ROWS) throw new TooBig();
          lines.push(line);
        });
        return { csv: `${lines.join('\n')}\n`, rows };
      } catch (err) {
        if (!(err instanceof TooBig)) throw err;
        throw new RpcError({
          code: 'invalid_argument',
          message: `More than ${MAX_UI_EXPORT_ROWS} rows: choose a shorter range, or use "npm run rigdeck -- export".`,
        });
      }
    },

    'history.exportPage': async ({ query, cursor }) => {
      if (cursor !== null && !(cursor.fromMs >= query.fromMs && cursor.fromMs < query.toMs))
        throw new RpcError({ code: 'invalid_argument', message: 'The cursor is outside the range.' });
      const lines: string[] = [];
      const page = history.exportPage(query, cursor, EXPORT_PAGE_ROWS, (line) => lines.push(line));
      return {
        csv: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
        rows: page.rows,
        nextCursor: page.next,
      };
    },
  };
}
