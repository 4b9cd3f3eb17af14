/**
 * A multipart/form-data body around one file (docs/vnish.md §4 firmware update: field `file`, plus string
 * fields such as `keep_settings`), built as head + the file's bytes + tail so the file itself is streamed.
 */
import { randomBytes } from 'node:crypto';

export type MultipartFrame = { contentType: string; head: Buffer; tail: Buffer };

/** Quotes, line breaks and non-ASCII would break the part header: the miner does not need the real name. */
const safeName = (name: string): string => name.replace(/[^\w.+-]/g, '_').slice(0, 100) || 'firmware.tar.gz';

export function multipartFrame(
  fields: Readonly<Record<string, string>>,
  file: { field: string; name: string },
  boundary = `----rigdeck${randomBytes(12).toString('hex')}`,
): MultipartFrame {
  let head = '';
  for (const [name, value] of Object.entries(fields)) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  head +=
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${safeName(file.name)}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(head, 'utf8'),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  };
}
