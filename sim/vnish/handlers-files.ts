// File-carrying endpoints (docs/vnish.md §4): firmware update, settings backup/restore, factory reset.
import { gunzipSync, gzipSync } from 'node:zlib';
import { defaultSettings } from '../rig/settings';
import { addLog, scheduleReboot } from '../rig/step';
import { type Settings } from '../rig/types';
import { readTar, writeTar } from '../util/tar';
import { type Handler } from './context';
import { checkFirmwareImage } from './firmware-image';
import { parseMultipart } from './multipart';
import { empty, err, json } from './reply';

export const postFirmwareUpdate: Handler = async (c) => {
  let form;
  try {
    form = await parseMultipart(c.headers, c.body);
  } catch {
    return err(500, 'Expected multipart/form-data with a "file" field');
  }
  const file = form.files['file'];
  if (!file || file.data.length === 0) return err(500, 'No firmware file');
  const keep = form.fields['keep_settings'];
  if (keep !== undefined && keep !== 'true' && keep !== 'false')
    return err(500, 'keep_settings must be "true" or "false"');
  const check = checkFirmwareImage(file.data, c.rig.model.apiModel);
  if (!check.ok) {
    addLog(c.rig, 'system', c.env.now(), `ERROR: firmware update refused: ${check.reason}`);
    return err(500, check.reason);
  }
  c.rig.fw.pending = { version: check.manifest.fw_version, keepSettings: keep !== 'false' };
  addLog(c.rig, 'system', c.env.now(), `INFO: firmware ${check.manifest.fw_version} staged, rebooting`);
  return json({ after: scheduleReboot(c.rig, c.env.now(), c.env.timing) });
};

export const postFirmwareRemove: Handler = () =>
  // Going back to stock is not modelled; the documented refusal is 400 "This model has no 'remove firmware'".
  err(400, "This model has no 'remove firmware'");

function backupEntries(s: Settings): Buffer {
  return gzipSync(writeTar([{ name: 'config/settings.json', data: Buffer.from(JSON.stringify(s)) }]));
}

export const postBackup: Handler = (c) => ({
  status: 200,
  kind: 'binary',
  body: backupEntries(c.rig.settings),
  contentType: 'application/octet-stream',
  headers: { 'content-disposition': `attachment; filename="${c.rig.name}-backup.tar.gz"` },
});

export const postRestore: Handler = async (c) => {
  if (c.rig.warranty === 'active') return empty(403); // "Miner have warranty. Cancel warranty first"
  let form;
  try {
    form = await parseMultipart(c.headers, c.body);
  } catch {
    return err(500, 'Expected multipart/form-data with a "file" field');
  }
  const file = form.files['file'];
  if (!file) return err(500, 'No backup file');
  let restored: Settings;
  try {
    const entries = readTar(gunzipSync(file.data));
    const entry = entries?.find((e) => e.name === 'config/settings.json');
    if (!entry) return err(500, 'Invalid backup file');
    restored = JSON.parse(entry.data.toString('utf8')) as Settings;
    if (typeof restored !== 'object' || restored === null || typeof restored.miner !== 'object') {
      return err(500, 'Invalid backup file');
    }
  } catch {
    return err(500, 'Invalid backup file');
  }
  c.rig.settings = restored;
  return json({ after: scheduleReboot(c.rig, c.env.now(), c.env.timing) });
};

export const postFactoryReset: Handler = (c) => {
  c.rig.settings = defaultSettings(
    c.rig.model,
    c.rig.fw.family,
    { ip: c.rig.ip, hostname: 'antminer' },
    c.rig.model.restartTemp,
  );
  c.rig.password = 'admin';
  c.rig.notes = {};
  c.rig.apiKeys = [];
  return json({ after: scheduleReboot(c.rig, c.env.now(), c.env.timing) });
};
