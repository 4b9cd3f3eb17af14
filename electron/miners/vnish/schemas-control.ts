/**
 * Replies of the write side: /unlock, /settings, control POSTs (docs/vnish.md §2, §3.7, §4). These are
 * stricter than telemetry where a wrong value would mislead: a token must be a non-empty string.
 */
import { z } from 'zod';
import { arr, bool, num, obj, text } from '../lenient';

export const unlockSchema = z.object({ token: z.string().min(1) });

export const errBodySchema = z.object({ err: z.string() });

export const saveResultSchema = z.object({ restart_required: bool, reboot_required: bool });
export type SaveResult = z.output<typeof saveResultSchema>;

export const rebootAfterSchema = z.object({ after: num });

export const findMinerSchema = z.union([z.null(), z.object({ on: bool })]);
export const locateMinerSchema = z.object({ is_enabled: bool });

const poolSlot = z.object({ url: text, user: text, pass: text });

/**
 * GET /settings (`ViewConfig`). Only what RigDeck reads is typed; the rest of the document is kept
 * verbatim in `raw` so a read-modify-write never drops fields this version does not know.
 */
export const settingsSchema = z.object({
  miner: obj({
    pools: arr(poolSlot),
    cooling: obj({
      fan_min_count: num,
      fan_min_duty: num,
      fan_max_duty: num,
      mode: obj({ name: text, param: num }),
    }),
    overclock: obj({
      preset: text,
      globals: obj({ freq: num, volt: num }),
      modded_psu: bool,
      chains: arr(z.object({ freq: num, disabled: bool })),
    }),
    misc: obj({ restart_temp: num, power_limit: num, power_limit_enabled: bool }),
  }),
  network: obj({ hostname: text, dhcp: bool, ipaddress: text, netmask: text, gateway: text }),
});
export type Settings = z.output<typeof settingsSchema>;
