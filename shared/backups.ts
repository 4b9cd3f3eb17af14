/**
 * Settings backups: a copy of a rig's own settings document (GET /settings, docs/vnish.md §3.7) RigDeck keeps
 * before a risky change (preset, overclock, fans, pools, firmware) or when asked, to put back with
 * `control.run {kind: "restore", backupId}`.
 */
import { z } from 'zod';

export const backupSchema = z.object({
  id: z.string(),
  rigId: z.string(),
  takenAtMs: z.number(),
  /** Why it was taken: the action it came before ("preset", "firmware", …) or "manual". */
  reason: z.string(),
  firmwareVersion: z.string().nullable(),
  /** A short human summary ("preset 3425, fans auto 70 °C, 3 pools"), not the document itself. */
  summary: z.string(),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupsListRequestSchema = z.object({ rigId: z.string().min(1).max(64) }).strict();
export const backupTakeRequestSchema = z.object({ rigId: z.string().min(1).max(64) }).strict();
