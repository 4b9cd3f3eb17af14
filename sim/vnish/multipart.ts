// multipart/form-data parsing for /firmware/update and /settings/restore, via busboy.
import busboy from 'busboy';

export type Multipart = {
  fields: Record<string, string>;
  files: Record<string, { filename: string; data: Buffer }>;
};

export function parseMultipart(
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
  maxFileBytes = 256 * 1024 * 1024,
): Promise<Multipart> {
  return new Promise((resolve, reject) => {
    const type = headers['content-type'];
    if (typeof type !== 'string' || !type.toLowerCase().startsWith('multipart/form-data')) {
      reject(new Error('expected multipart/form-data'));
      return;
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: { 'content-type': type }, limits: { fileSize: maxFileBytes } });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const out: Multipart = { fields: {}, files: {} };
    bb.on('field', (name, value) => {
      out.fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        out.files[name] = { filename: info.filename ?? '', data: Buffer.concat(chunks) };
      });
    });
    bb.on('error', (e) => reject(e instanceof Error ? e : new Error(String(e))));
    bb.on('close', () => resolve(out));
    bb.end(body);
  });
}
