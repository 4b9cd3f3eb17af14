// Control endpoints (docs/vnish.md §4): unlock/lock, mining commands, reboot, LED, pool switch, throttle.
import { type Command, command } from '../rig/machine';
import { addLog, annotate, scheduleReboot } from '../rig/step';
import { unlock } from './auth';
import { type Handler, type VnishCtx, jsonBody } from './context';
import { empty, err, json } from './reply';

export const postUnlock: Handler = (c) => {
  const body = jsonBody(c);
  if (
    body instanceof Error ||
    typeof body !== 'object' ||
    body === null ||
    !('pw' in body) ||
    typeof body.pw !== 'string'
  ) {
    return err(400, 'Expected body {"pw": string}');
  }
  const result = unlock(c.auth, c.env.authPolicy, c.rig.password, body.pw, c.env.now(), c.env.rng);
  if (result.kind === 'ok') {
    addLog(c.rig, 'api', c.env.now(), 'INFO: unlock: ok');
    return json({ token: result.token });
  }
  addLog(c.rig, 'api', c.env.now(), 'WARN: unlock: wrong password');
  if (result.kind === 'wrong') return json({ unlock_timeout: null }, 403);
  return json({ unlock_timeout: result.retryAfterSec }, 429);
};

export const postLock: Handler = (c) => {
  // SPEC: /lock is bearerAuth only, so an API key cannot end a login.
  if (c.cred?.kind !== 'token') return empty(401);
  c.auth.tokens.delete(c.cred.token);
  return empty();
};

export const postLockOthers: Handler = (c) => {
  if (c.cred?.kind !== 'token') return empty(401);
  const body = jsonBody(c);
  const pw = typeof body === 'object' && body !== null && 'pw' in body ? body.pw : undefined;
  if (pw !== c.rig.password) return empty(400);
  const mine = c.cred.token;
  for (const t of [...c.auth.tokens.keys()]) if (t !== mine) c.auth.tokens.delete(t);
  return empty();
};

function runCommand(c: VnishCtx, cmd: Command): ReturnType<Handler> {
  if (c.rig.kind !== 'vnish') return err(500, 'not supported');
  const now = c.env.now();
  const result = command(c.rig.phase, cmd, now, c.env.timing);
  if (!result.ok) return err(500, result.err);
  c.rig.phase = result.phase;
  for (const e of result.events) if (e.kind === 'annotation') annotate(c.rig, now, e.type);
  if (cmd === 'restart' || cmd === 'start') {
    // A (re)start loads the saved configuration: this is what clears restart_required.
    c.rig.active = structuredClone(c.rig.settings.miner);
    c.rig.restartRequired = false;
  }
  addLog(c.rig, 'api', now, `INFO: mining/${cmd}`);
  return empty();
}

export const postMining =
  (cmd: Command): Handler =>
  (c) =>
    runCommand(c, cmd);

export const postReboot: Handler = (c) => json({ after: scheduleReboot(c.rig, c.env.now(), c.env.timing) });

export const postFindMiner: Handler = (c) => {
  c.rig.findMiner = !c.rig.findMiner;
  return json({ on: c.rig.findMiner });
};

export const postLocateMiner: Handler = (c) => {
  c.rig.findMiner = !c.rig.findMiner;
  return json({ is_enabled: c.rig.findMiner });
};

export const postSwitchPool: Handler = (c) => {
  const body = jsonBody(c);
  const id = typeof body === 'object' && body !== null && 'pool_id' in body ? body.pool_id : undefined;
  if (typeof id !== 'number' || !Number.isInteger(id)) return err(400, 'Expected body {"pool_id": int}');
  const slot = c.rig.active.pools[id];
  if (!slot || slot.url === '') return err(500, 'Could not find pool');
  c.rig.activePool = id;
  return empty();
};

export const postThrottle: Handler = (c) => {
  const body = jsonBody(c);
  const percent = typeof body === 'object' && body !== null && 'percent' in body ? body.percent : undefined;
  if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 20 || percent > 100) {
    return err(400, 'percent must be an integer from 20 to 100');
  }
  c.rig.throttle = percent;
  return json({ restart_required: false, reboot_required: false });
};
