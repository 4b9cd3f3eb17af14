// The /api/v1 route table, per firmware family, with each route's auth requirement as the OpenAPI
// documents declare it (docs/vnish.md §2): none, optional (summary), required (token or API key), or
// bearer only (lock).
import { type FwFamily } from '../rig/types';
import { type Handler } from './context';
import * as cfg from './handlers-config';
import * as ctl from './handlers-control';
import * as files from './handlers-files';
import * as read from './handlers-read';

export type AuthNeed = 'none' | 'optional' | 'required' | 'bearer';

export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: string; // '/notes/:key' style
  auth: AuthNeed;
  families: FwFamily[];
  handler: Handler;
  /** Only served when a per-rig quirk says so. */
  quirk?: 'chainsOn13';
};

const both: FwFamily[] = ['1.2', '1.3'];
const only12: FwFamily[] = ['1.2'];
const only13: FwFamily[] = ['1.3'];

export const ROUTES: Route[] = [
  { method: 'POST', pattern: '/unlock', auth: 'none', families: both, handler: ctl.postUnlock },
  { method: 'GET', pattern: '/auth-check', auth: 'none', families: both, handler: read.getAuthCheck },
  { method: 'POST', pattern: '/lock', auth: 'bearer', families: both, handler: ctl.postLock },
  { method: 'POST', pattern: '/lock/others', auth: 'bearer', families: both, handler: ctl.postLockOthers },
  { method: 'GET', pattern: '/info', auth: 'none', families: both, handler: read.getInfo },
  { method: 'GET', pattern: '/model', auth: 'none', families: both, handler: read.getModel },
  { method: 'GET', pattern: '/status', auth: 'none', families: both, handler: read.getStatus },
  { method: 'GET', pattern: '/summary', auth: 'optional', families: both, handler: read.getSummary },
  { method: 'GET', pattern: '/perf-summary', auth: 'none', families: both, handler: read.getPerfSummary },
  { method: 'GET', pattern: '/ui', auth: 'none', families: both, handler: read.getUi },
  { method: 'GET', pattern: '/layout', auth: 'none', families: both, handler: read.getLayout },
  { method: 'GET', pattern: '/autotune/presets', auth: 'required', families: both, handler: read.getPresets },
  {
    method: 'POST',
    pattern: '/autotune/reset',
    auth: 'required',
    families: both,
    handler: cfg.postAutotuneReset,
  },
  {
    method: 'POST',
    pattern: '/autotune/reset-all',
    auth: 'required',
    families: both,
    handler: cfg.postAutotuneResetAll,
  },
  { method: 'GET', pattern: '/chains', auth: 'none', families: only12, handler: read.getChains },
  {
    method: 'GET',
    pattern: '/chains',
    auth: 'none',
    families: only13,
    handler: read.getChains,
    quirk: 'chainsOn13',
  },
  { method: 'GET', pattern: '/chips', auth: 'none', families: only12, handler: read.getChips },
  { method: 'GET', pattern: '/boards', auth: 'none', families: only13, handler: read.getChains },
  {
    method: 'GET',
    pattern: '/chains/factory-info',
    auth: 'none',
    families: both,
    handler: read.getFactoryInfo,
  },
  { method: 'GET', pattern: '/metrics', auth: 'none', families: both, handler: read.getMetrics },
  { method: 'GET', pattern: '/logs/:type', auth: 'none', families: both, handler: read.getLog },
  {
    method: 'POST',
    pattern: '/logs/:type/clear',
    auth: 'required',
    families: both,
    handler: cfg.postClearLog,
  },
  { method: 'GET', pattern: '/settings', auth: 'required', families: both, handler: cfg.getSettings },
  { method: 'POST', pattern: '/settings', auth: 'required', families: both, handler: cfg.postSettings },
  {
    method: 'POST',
    pattern: '/settings/backup',
    auth: 'required',
    families: both,
    handler: files.postBackup,
  },
  {
    method: 'POST',
    pattern: '/settings/restore',
    auth: 'required',
    families: both,
    handler: files.postRestore,
  },
  {
    method: 'POST',
    pattern: '/settings/factory-reset',
    auth: 'required',
    families: both,
    handler: files.postFactoryReset,
  },
  {
    method: 'POST',
    pattern: '/mining/start',
    auth: 'required',
    families: both,
    handler: ctl.postMining('start'),
  },
  {
    method: 'POST',
    pattern: '/mining/stop',
    auth: 'required',
    families: both,
    handler: ctl.postMining('stop'),
  },
  {
    method: 'POST',
    pattern: '/mining/restart',
    auth: 'required',
    families: both,
    handler: ctl.postMining('restart'),
  },
  {
    method: 'POST',
    pattern: '/mining/pause',
    auth: 'required',
    families: both,
    handler: ctl.postMining('pause'),
  },
  {
    method: 'POST',
    pattern: '/mining/resume',
    auth: 'required',
    families: both,
    handler: ctl.postMining('resume'),
  },
  {
    method: 'POST',
    pattern: '/mining/switch-pool',
    auth: 'required',
    families: both,
    handler: ctl.postSwitchPool,
  },
  {
    method: 'POST',
    pattern: '/mining/throttle',
    auth: 'required',
    families: only13,
    handler: ctl.postThrottle,
  },
  { method: 'POST', pattern: '/system/reboot', auth: 'required', families: both, handler: ctl.postReboot },
  { method: 'POST', pattern: '/find-miner', auth: 'none', families: both, handler: ctl.postFindMiner },
  { method: 'POST', pattern: '/locate-miner', auth: 'none', families: only13, handler: ctl.postLocateMiner },
  {
    method: 'POST',
    pattern: '/firmware/update',
    auth: 'required',
    families: both,
    handler: files.postFirmwareUpdate,
  },
  {
    method: 'POST',
    pattern: '/firmware/remove',
    auth: 'required',
    families: both,
    handler: files.postFirmwareRemove,
  },
  { method: 'GET', pattern: '/notes', auth: 'none', families: both, handler: read.getNotes },
  { method: 'POST', pattern: '/notes', auth: 'required', families: both, handler: cfg.postNote },
  { method: 'GET', pattern: '/notes/:key', auth: 'none', families: both, handler: read.getNote },
  { method: 'PUT', pattern: '/notes/:key', auth: 'required', families: both, handler: cfg.putNote },
  { method: 'DELETE', pattern: '/notes/:key', auth: 'required', families: both, handler: cfg.deleteNote },
  { method: 'GET', pattern: '/apikeys', auth: 'required', families: both, handler: read.getApiKeys },
  { method: 'POST', pattern: '/apikeys', auth: 'required', families: both, handler: cfg.postApiKey },
  { method: 'POST', pattern: '/apikeys/delete', auth: 'required', families: both, handler: cfg.deleteApiKey },
  {
    method: 'POST',
    pattern: '/activate-warranty',
    auth: 'required',
    families: both,
    handler: cfg.postActivateWarranty,
  },
  {
    method: 'POST',
    pattern: '/cancel-warranty',
    auth: 'required',
    families: both,
    handler: cfg.postCancelWarranty,
  },
];

export type Match = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | null;

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const seg = a[i] ?? '';
    const val = b[i] ?? '';
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(val);
    else if (seg !== val) return null;
  }
  return params;
}

export function findRoute(
  method: string,
  path: string,
  family: FwFamily,
  quirks: { chainsOn13: boolean },
): Match {
  let pathKnown = false;
  for (const route of ROUTES) {
    if (!route.families.includes(family)) continue;
    if (route.quirk === 'chainsOn13' && !quirks.chainsOn13) continue;
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    pathKnown = true;
    if (route.method === method) return { route, params };
  }
  return pathKnown ? { methodNotAllowed: true } : null;
}
