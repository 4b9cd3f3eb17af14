// Settings (partial merge), notes, API keys, autotune resets, warranty, log clearing (docs/vnish.md §3.7, §3.8).
import { findPreset } from '../rig/models';
import { changeFlags, mergeJson, threeSlots } from '../rig/settings';
import { addLog } from '../rig/step';
import { type MinerSettings, type Settings } from '../rig/types';
import { type Handler, jsonBody } from './context';
import { logTypes } from './handlers-read';
import { empty, err, json } from './reply';
import { describeIssue, inputConfigSchema } from './settings-input';

export const getSettings: Handler = (c) => {
  const s = c.rig.settings;
  return json({ miner: s.miner, network: s.network, regional: s.regional, ui: s.ui, layout: s.layout });
};

export const postSettings: Handler = (c) => {
  const raw = jsonBody(c);
  if (raw instanceof Error || raw === undefined) return err(400, 'Failed to parse the request body as JSON');
  const parsed = inputConfigSchema(c.rig.fw.family).safeParse(raw);
  if (!parsed.success) return err(400, describeIssue(parsed.error));
  const input = parsed.data;
  const before = c.rig.settings;
  const next: Settings = structuredClone(before);
  let passwordChanged = false;
  if (input.password) {
    if (input.password.current !== c.rig.password) return err(500, 'Current password is incorrect');
    if (input.password.pw === '') return err(500, 'Password must not be empty');
    passwordChanged = input.password.pw !== c.rig.password;
  }
  if (input.miner) {
    const { pools, ...rest } = input.miner;
    next.miner = mergeJson<MinerSettings>(next.miner, rest);
    if (pools) {
      // Pools are sent as the whole list; missing slots become empty (docs/vnish.md §3.7).
      next.miner.pools = threeSlots(pools);
    }
    const preset = next.miner.overclock.preset;
    if (preset !== 'disabled' && !findPreset(c.rig.model, preset))
      return err(500, `Unknown preset: ${preset}`);
  }
  if (input.network) {
    const { enable_network_check: _ignored, ...network } = input.network;
    next.network = network;
  }
  if (input.regional) next.regional = input.regional;
  if (input.ui) next.ui = mergeJson(next.ui, input.ui);
  if (input.layout !== undefined) next.layout = input.layout;

  const flags = changeFlags(before, next, passwordChanged);
  c.rig.settings = next;
  if (passwordChanged && input.password) c.rig.password = input.password.pw;
  // Cooling and misc limits act at once; overclock and pools wait for a mining restart.
  c.rig.active.cooling = structuredClone(next.miner.cooling);
  c.rig.active.misc = structuredClone(next.miner.misc);
  c.rig.restartRequired ||= flags.restart;
  c.rig.rebootRequired ||= flags.reboot;
  addLog(c.rig, 'api', c.env.now(), 'INFO: settings saved');
  return json({ restart_required: flags.restart, reboot_required: flags.reboot });
};

const NOTE_LIMIT = 64;

export const postNote: Handler = (c) => {
  const body = jsonBody(c);
  if (typeof body !== 'object' || body === null || !('key' in body) || !('value' in body)) {
    return err(400, 'Expected body {"key": string, "value": string}');
  }
  const { key, value } = body;
  if (typeof key !== 'string' || typeof value !== 'string') return err(400, 'key and value must be strings');
  if (key in c.rig.notes) return err(409, `Note '${key}' already exists`);
  if (Object.keys(c.rig.notes).length >= NOTE_LIMIT) return err(507, 'Notes storage is full');
  c.rig.notes[key] = value;
  return empty();
};

export const putNote: Handler = (c) => {
  const body = jsonBody(c);
  const value = typeof body === 'object' && body !== null && 'value' in body ? body.value : undefined;
  if (typeof value !== 'string') return err(400, 'Expected body {"value": string}');
  c.rig.notes[c.params['key'] ?? ''] = value;
  return empty();
};

export const deleteNote: Handler = (c) => {
  const key = c.params['key'] ?? '';
  if (!(key in c.rig.notes)) return err(404, `Note '${key}' not found`);
  c.rig.notes = Object.fromEntries(Object.entries(c.rig.notes).filter(([k]) => k !== key));
  return empty();
};

export const postApiKey: Handler = (c) => {
  const body = jsonBody(c);
  if (typeof body !== 'object' || body === null || !('key' in body))
    return err(400, 'Expected body {"key", "description"}');
  const key = body.key;
  const description = 'description' in body && typeof body.description === 'string' ? body.description : '';
  if (typeof key !== 'string' || key.length !== 32) return err(400, 'key must be exactly 32 characters');
  const existing = c.rig.apiKeys.find((k) => k.key === key);
  if (!existing) {
    c.rig.apiKeys.push({ key, description });
    return json({ status: 'inserted' });
  }
  if (existing.description === description) return json({ status: 'nochanges' });
  existing.description = description;
  return json({ status: 'updated' });
};

export const deleteApiKey: Handler = (c) => {
  const body = jsonBody(c);
  const key = typeof body === 'object' && body !== null && 'key' in body ? body.key : undefined;
  if (typeof key !== 'string') return err(400, 'Expected body {"key": string}');
  c.rig.apiKeys = c.rig.apiKeys.filter((k) => k.key !== key);
  return empty();
};

function restartIfAsked(c: Parameters<Handler>[0], restart: unknown): void {
  if (restart !== true) return;
  c.rig.phase = {
    ...c.rig.phase,
    state: 'restarting',
    since: c.env.now(),
    until: c.env.now() + c.env.timing.restartSec * 1000,
  };
  c.rig.active = structuredClone(c.rig.settings.miner);
  c.rig.restartRequired = false;
}

export const postAutotuneReset: Handler = (c) => {
  const body = jsonBody(c);
  if (typeof body !== 'object' || body === null || !('presets' in body) || !Array.isArray(body.presets)) {
    return err(400, 'Expected body {"presets": [string], "restart": bool}');
  }
  for (const name of body.presets)
    if (typeof name === 'string' && name in c.rig.tuned) c.rig.tuned[name] = null;
  restartIfAsked(c, 'restart' in body ? body.restart : false);
  return empty();
};

export const postAutotuneResetAll: Handler = (c) => {
  const body = jsonBody(c);
  for (const name of Object.keys(c.rig.tuned)) c.rig.tuned[name] = null;
  restartIfAsked(c, typeof body === 'object' && body !== null && 'restart' in body ? body.restart : false);
  return empty();
};

export const postActivateWarranty: Handler = (c) => {
  c.rig.warranty = 'active';
  return json({ success: true, warranty: c.rig.warranty });
};

export const postCancelWarranty: Handler = (c) => {
  if (c.rig.warranty === 'active') c.rig.warranty = 'cancelled';
  return json({ success: true, warranty: c.rig.warranty });
};

export const postClearLog: Handler = (c) => {
  const type = c.params['type'] ?? '';
  const types = type === '*' ? logTypes(c.rig.fw.family) : [type];
  if (type !== '*' && !logTypes(c.rig.fw.family).includes(type)) return err(400, `unknown log type: ${type}`);
  for (const t of types) c.rig.logs[t] = [];
  return empty();
};
