/**
 * Control operations Vnish offers (docs/vnish.md §4), as thin typed calls over the client's transport.
 * No policy here (limits, queueing, audit belong to electron/control); just the right request and a
 * typed reading of the reply. Success is an empty 200 body or JSON; `{err}` rejects as miner_error.
 */
import { parseWith, unwrap } from '../parse';
import { requireJson, type ReplyBody } from './reply';
import {
  findMinerSchema,
  locateMinerSchema,
  rebootAfterSchema,
  saveResultSchema,
  settingsSchema,
  type SaveResult,
  type Settings,
} from './schemas-control';
import { type CallOptions, type VnishTransport } from './client';
import { multipartFrame } from './multipart';

/** An image to send: its size and a fresh read of its bytes each time it is asked (a retry reads again). */
export type FirmwareSource = { name: string; size: number; read(): AsyncIterable<Uint8Array> };

export type MiningAction = 'start' | 'stop' | 'restart' | 'pause' | 'resume';

/** An empty body on a call documented to return SaveConfigResult: treat as "nothing required" but say we do not know. */
function saveResultOf(body: ReplyBody, what: string): SaveResult {
  if (body.kind === 'empty') return { restart_required: null, reboot_required: null };
  return unwrap(parseWith(saveResultSchema, body.value, what));
}

export type SettingsRead = { settings: Settings; raw: unknown };

export function createVnishControl(t: VnishTransport) {
  const what = (path: string): string => `POST ${path} @ ${t.host}:${t.port}`;
  return {
    /** POST /mining/{start|stop|restart|pause|resume}: 200 with an empty body, or {err}. */
    async mining(action: MiningAction, o?: CallOptions): Promise<void> {
      await t.call('POST', `/mining/${action}`, 'required', undefined, o);
    },
    /** POST /system/reboot → seconds until the reboot ({"after": 3}); null if the miner did not say. */
    async reboot(o?: CallOptions): Promise<{ afterSec: number | null }> {
      const body = await t.call('POST', '/system/reboot', 'required', undefined, o);
      if (body.kind === 'empty') return { afterSec: null };
      return { afterSec: unwrap(parseWith(rebootAfterSchema, body.value, what('/system/reboot'))).after };
    },
    /** POST /mining/switch-pool {"pool_id"}; "Could not find pool" comes back as miner_error. */
    async switchPool(poolId: number, o?: CallOptions): Promise<void> {
      await t.call('POST', '/mining/switch-pool', 'required', { pool_id: poolId }, o);
    },
    /** POST /mining/throttle {"percent": 20..100}, firmware ≥ 1.3.3 only. */
    async throttle(percent: number, o?: CallOptions): Promise<SaveResult> {
      const body = await t.call('POST', '/mining/throttle', 'required', { percent }, o);
      return saveResultOf(body, what('/mining/throttle'));
    },
    /** GET /settings: the typed view plus the raw document for read-modify-write. */
    async getSettings(o?: CallOptions): Promise<SettingsRead> {
      const w = `GET /settings @ ${t.host}:${t.port}`;
      const raw = unwrap(requireJson(await t.call('GET', '/settings', 'required', undefined, o), w));
      return { settings: unwrap(parseWith(settingsSchema, raw, w)), raw };
    },
    /**
     * POST /settings with a partial InputConfig ({"miner": {"overclock": {…}}}). The reply claims
     * what must happen next; it does not prove the change applied (docs/vnish.md §3.7): re-read to verify.
     */
    async saveSettings(input: Record<string, unknown>, o?: CallOptions): Promise<SaveResult> {
      const body = await t.call('POST', '/settings', 'required', input, o);
      return saveResultOf(body, what('/settings'));
    },
    /**
     * POST /firmware/update as multipart/form-data (field `file`, `keep_settings` "true"/"false"), streamed;
     * `onSent` hears the image's bytes sent so far. The miner answers {after} and reboots (docs/vnish.md §4).
     */
    async firmwareUpdate(
      image: FirmwareSource,
      keepSettings: boolean,
      onSent: (bytes: number) => void,
      o?: CallOptions,
    ): Promise<{ afterSec: number | null }> {
      const frame = multipartFrame(
        { keep_settings: String(keepSettings) },
        { field: 'file', name: image.name },
      );
      const headBytes = frame.head.length;
      const body = {
        contentType: frame.contentType,
        length: headBytes + image.size + frame.tail.length,
        async *chunks(): AsyncIterable<Uint8Array> {
          yield frame.head;
          yield* image.read();
          yield frame.tail;
        },
        onSent: (sent: number) => onSent(Math.max(0, Math.min(image.size, sent - headBytes))),
      };
      const reply = await t.upload('/firmware/update', 'required', body, o);
      if (reply.kind === 'empty') return { afterSec: null };
      return { afterSec: unwrap(parseWith(rebootAfterSchema, reply.value, what('/firmware/update'))).after };
    },
    /** POST /find-miner toggles the locate LED (anonymous); returns the new state when the miner says it. */
    async toggleFindMiner(o?: CallOptions): Promise<{ on: boolean | null }> {
      const body = await t.call('POST', '/find-miner', 'none', undefined, o);
      if (body.kind === 'empty') return { on: null };
      const parsed = unwrap(parseWith(findMinerSchema, body.value, what('/find-miner')));
      return { on: parsed === null ? null : parsed.on };
    },
    /** POST /locate-miner (1.3.4, replaces /find-miner). */
    async toggleLocateMiner(o?: CallOptions): Promise<{ on: boolean | null }> {
      const body = await t.call('POST', '/locate-miner', 'none', undefined, o);
      if (body.kind === 'empty') return { on: null };
      return { on: unwrap(parseWith(locateMinerSchema, body.value, what('/locate-miner'))).is_enabled };
    },
    /** POST /lock: ends this login; the cached token is forgotten either way. */
    async lock(o?: CallOptions): Promise<void> {
      try {
        await t.call('POST', '/lock', 'required', undefined, o);
      } finally {
        t.forgetToken();
      }
    },
  };
}

export type VnishControl = ReturnType<typeof createVnishControl>;
