/**
 * A firmware image on its way to rigs (docs/vnish.md §4): the face sends the file to the core in chunks
 * (`firmware.begin` / `firmware.chunk` / `firmware.finish`; both transports carry JSON, so chunks are base64),
 * the core checks it before any rig sees a byte, and `control.run` with `{kind: "firmware", fileId}` uploads it.
 */
import { z } from 'zod';

/** Larger than any Vnish image for these models, small enough to refuse a wrong pick at once. */
export const FIRMWARE_MAX_BYTES = 256 * 1024 * 1024;
/** Base64 of at most 1 MiB per chunk keeps one WebSocket message well under the server's frame limit. */
export const FIRMWARE_CHUNK_BYTES = 1024 * 1024;

export const firmwareBeginSchema = z
  .object({
    name: z.string().min(1).max(255),
    size: z.number().int().min(1).max(FIRMWARE_MAX_BYTES),
  })
  .strict();

export const firmwareChunkSchema = z
  .object({
    uploadId: z.string().min(1).max(64),
    offset: z.number().int().min(0),
    /** Base64 of at most FIRMWARE_CHUNK_BYTES bytes. */
    data: z.string().max(Math.ceil(FIRMWARE_CHUNK_BYTES / 3) * 4),
  })
  .strict();

/** What the core found in a staged file; a file that is not `ok` can never be sent to a rig. */
export const firmwareFileSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  ok: z.boolean(),
  /** Why it was refused (null when ok): "not a tar archive", "made for Antminer S19", "truncated at …". */
  reason: z.string().nullable(),
  /** What the image says of itself, where it says it. */
  models: z.array(z.string()),
  version: z.string().nullable(),
  stagedAtMs: z.number(),
});
export type FirmwareFile = z.infer<typeof firmwareFileSchema>;

/** `firmware.progress`: image bytes sent to one rig of a job so far (a few times per percent at most). */
export const firmwareProgressSchema = z.object({
  jobId: z.string(),
  rigId: z.string(),
  sentBytes: z.number().int(),
  totalBytes: z.number().int(),
});
export type FirmwareProgress = z.infer<typeof firmwareProgressSchema>;
