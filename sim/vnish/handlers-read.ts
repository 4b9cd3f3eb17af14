// Read-only endpoints. Anonymous unless the route table says otherwise (docs/vnish.md §2 anonymous list).
import { unlockTimeout } from './auth';
import { type Handler } from './context';
import { empty, err, json, text } from './reply';
import { factoryInfoView, infoView, modelView, uiView } from './views-identity';
import { statusView, summaryView } from './views-status';
import { perfSummaryView, presetsView } from './views-tuning';
import { chainChipsView, chipsView, metricsView } from './views-chips';

export const getInfo: Handler = (c) => json(infoView(c.rig, c.env.now()));
export const getModel: Handler = (c) => json(modelView(c.rig));
export const getUi: Handler = (c) => json(uiView(c.rig));
export const getLayout: Handler = (c) => json(c.rig.settings.layout);
export const getFactoryInfo: Handler = (c) => json(factoryInfoView(c.rig));
export const getChains: Handler = (c) => json(chainChipsView(c.rig));
export const getChips: Handler = (c) => json(chipsView(c.rig));
export const getPerfSummary: Handler = (c) => json(perfSummaryView(c.rig));
export const getSummary: Handler = (c) => json(summaryView(c.rig, c.env.now(), c.env.poolDiff));

export const getStatus: Handler = (c) =>
  json(
    statusView(
      c.rig,
      c.env.now(),
      c.authorized,
      c.authorized ? unlockTimeout(c.auth, c.env.authPolicy, c.cred, c.env.now()) : null,
    ),
  );

export const getPresets: Handler = (c) => {
  const list = presetsView(c.rig);
  // Current firmware sends a bare array; some builds wrap it (docs/vnish.md §3.5). Per-rig quirk.
  return json(c.rig.httpQuirks.presetsWrapped ? { presets: list } : list);
};

export const getAuthCheck: Handler = (c) =>
  c.authorized
    ? json({ unlock_timeout: unlockTimeout(c.auth, c.env.authPolicy, c.cred, c.env.now()) })
    : json({ unlock_timeout: null }, 401);

export const getMetrics: Handler = (c) => {
  const slice = Number.parseInt(c.query.get('time_slice') ?? '86400', 10);
  const step = Number.parseInt(c.query.get('step') ?? '900', 10);
  if (!Number.isFinite(slice) || !Number.isFinite(step) || step <= 0)
    return err(500, 'Invalid query parameters');
  return json(metricsView(c.rig, c.env.now(), Math.min(Math.max(slice, 0), 259_200), step));
};

const LOGS_12 = ['status', 'miner', 'autotune', 'system', 'messages', 'api'];
const LOGS_13 = ['status', 'miner', 'autotune', 'pool', 'hwscan', 'system', 'messages', 'api'];

export function logTypes(family: '1.2' | '1.3'): string[] {
  return family === '1.2' ? LOGS_12 : LOGS_13;
}

export const getLog: Handler = (c) => {
  const type = c.params['type'] ?? '';
  // "All logs `*` are not implemented for this route" (SPEC).
  if (type === '*') return err(500, 'Not implemented for all logs');
  if (!logTypes(c.rig.fw.family).includes(type)) return err(400, `unknown log type: ${type}`);
  const lines = c.rig.logs[type] ?? [];
  return text(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
};

export const getNotes: Handler = (c) => json(c.rig.notes);

export const getNote: Handler = (c) => {
  const key = c.params['key'] ?? '';
  const value = c.rig.notes[key];
  return value === undefined ? err(404, `Note '${key}' not found`) : json({ value });
};

export const getApiKeys: Handler = (c) => json(c.rig.apiKeys);

export const getDocs: Handler = (c) => {
  const doc = c.env.apiDoc(c.rig.fw.family);
  return doc ? { status: 200, kind: 'binary', body: doc, contentType: 'application/json' } : empty(404);
};
