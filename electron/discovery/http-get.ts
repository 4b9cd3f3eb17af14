/**
 * One-off HTTP GET for identification: a fresh connection (no agent, nothing to keep alive for a probe), a
 * deadline over the whole exchange, and at most `maxBytes` of the body read, so a device that streams
 * forever or answers with a huge page cannot stall or bloat a scan.
 */
import { request } from 'node:http';

export type HttpPage = {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The first `maxBytes` of the body as UTF-8. */
  body: string;
};

export type HttpGetRequest = {
  host: string;
  port: number;
  path: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
};

export type HttpGet = (req: HttpGetRequest) => Promise<HttpPage>;

export class HttpProbeError extends Error {
  readonly kind: 'timeout' | 'aborted' | 'network';
  constructor(kind: 'timeout' | 'aborted' | 'network', message: string) {
    super(message);
    this.name = 'HttpProbeError';
    this.kind = kind;
  }
}

function headerRecord(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export const httpGet: HttpGet = (req) =>
  new Promise<HttpPage>((resolve, reject) => {
    const what = `GET http://${req.host}:${req.port}${req.path}`;
    if (req.signal?.aborted) {
      reject(new HttpProbeError('aborted', `${what}: aborted`));
      return;
    }
    let settled = false;
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: HttpPage | HttpProbeError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      // Whatever is left of the body is not wanted: destroying frees the socket at once.
      outgoing.destroy();
      if (result instanceof HttpProbeError) reject(result);
      else resolve(result);
    };
    const onAbort = (): void => finish(new HttpProbeError('aborted', `${what}: aborted`));
    const timer = setTimeout(
      () => finish(new HttpProbeError('timeout', `${what}: no reply within ${req.timeoutMs} ms`)),
      req.timeoutMs,
    );
    req.signal?.addEventListener('abort', onAbort, { once: true });
    const outgoing = request(
      {
        host: req.host,
        port: req.port,
        path: req.path,
        method: 'GET',
        agent: false,
        headers: { connection: 'close', accept: 'text/html,application/json;q=0.9,*/*;q=0.5' },
      },
      (res) => {
        const page = (): HttpPage => ({
          status: res.statusCode ?? 0,
          headers: headerRecord(res.headers),
          body: Buffer.concat(chunks).subarray(0, req.maxBytes).toString('utf8'),
        });
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= req.maxBytes) finish(page());
        });
        res.on('end', () => finish(page()));
        res.on('error', (e) => finish(new HttpProbeError('network', `${what}: ${e.message}`)));
        // A reply cut off after the head still tells status and headers: use what arrived.
        res.on('close', () => finish(page()));
      },
    );
    outgoing.on('error', (e) => finish(new HttpProbeError('network', `${what}: ${e.message}`)));
    outgoing.end();
  });
