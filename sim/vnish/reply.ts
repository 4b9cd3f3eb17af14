// What a handler returns: a description of the HTTP reply, written out by the server. Keeping
// handlers free of `res` makes them easy to test and lets the server apply network faults uniformly.
export type Reply =
  | { status: number; kind: 'json'; body: unknown; headers?: Record<string, string> }
  | { status: number; kind: 'text'; body: string; contentType: string; headers?: Record<string, string> }
  | { status: number; kind: 'binary'; body: Buffer; contentType: string; headers?: Record<string, string> }
  /** Real firmware answers many control calls with 200 and a zero-length body (docs/vnish.md §3). */
  | { status: number; kind: 'empty'; headers?: Record<string, string> };

export const json = (body: unknown, status = 200): Reply => ({ status, kind: 'json', body });
export const empty = (status = 200): Reply => ({ status, kind: 'empty' });
export const err = (status: number, message: string): Reply => ({
  status,
  kind: 'json',
  body: { err: message },
});
export const text = (body: string, contentType = 'text/plain; charset=utf-8', status = 200): Reply => ({
  status,
  kind: 'text',
  body,
  contentType,
});

export function serialize(reply: Reply): { status: number; headers: Record<string, string>; body: Buffer } {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let body: Buffer;
  switch (reply.kind) {
    case 'json':
      body = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] = 'application/json';
      break;
    case 'text':
      body = Buffer.from(reply.body);
      headers['content-type'] = reply.contentType;
      break;
    case 'binary':
      body = reply.body;
      headers['content-type'] = reply.contentType;
      break;
    case 'empty':
      body = Buffer.alloc(0);
      break;
  }
  headers['content-length'] = String(body.length);
  return { status: reply.status, headers, body };
}
