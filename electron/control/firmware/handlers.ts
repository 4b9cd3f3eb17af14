/** `firmware.*`: staging a file in the core before any rig sees it (staging.ts). */
import type { Handlers } from '../../../shared/contract';
import { RpcError } from '../../../shared/errors';
import { FIRMWARE_CHUNK_BYTES } from '../../../shared/firmware';
import { type FirmwareStaging } from './staging';

type Names = 'firmware.begin' | 'firmware.chunk' | 'firmware.finish' | 'firmware.list';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function firmwareHandlers(staging: FirmwareStaging): Pick<Handlers, Names> {
  return {
    'firmware.begin': async ({ name, size }) => staging.begin(name, size),
    'firmware.chunk': async ({ uploadId, offset, data }) => {
      // Buffer.from(…, 'base64') skips what it cannot read; a damaged chunk must fail, not shrink.
      const bytes = Buffer.from(data, 'base64');
      if (!BASE64.test(data) || bytes.length > FIRMWARE_CHUNK_BYTES)
        throw new RpcError({ code: 'invalid_argument', message: 'A chunk is base64 of at most 1 MiB.' });
      return staging.chunk(uploadId, offset, bytes);
    },
    'firmware.finish': async ({ uploadId }) => staging.finish(uploadId),
    'firmware.list': async () => ({ files: staging.list() }),
  };
}
