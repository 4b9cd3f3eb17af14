/**
 * How a Vnish HTTP reply is read (docs/vnish.md §3 "Error body", "Empty bodies"), as a pure function of
 * status, content type and bytes: an empty 200 body is success; `{"err": "…"}` is the miner refusing,
 * with its words kept; an HTML page (the SPA answers unknown paths) or garbage is a bad reply.
 */
import { MinerError } from '../errors';
import { isRecord } from '../lenient';
import { fail, ok, type Parsed } from '../parse';

export type HttpReply = { status: number; contentType: string | null; body: Buffer };

export type ReplyBody = { kind: 'empty' } | { kind: 'json'; value: unknown };

function decode(body: Buffer): string {
  const text = body.toString('utf8');
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The miner's own error text when the body is `{"err": "…"}`. */
export function errText(value: unknown): string | null {
  return isRecord(value) && typeof value['err'] === 'string' ? value['err'].trim() : null;
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  return /^</.test(text) || (contentType !== null && /html/i.test(contentType));
}

export function interpretReply(reply: HttpReply, what: string): Parsed<ReplyBody> {
  const text = decode(reply.body);
  const parsed = text === '' ? null : tryJson(text);
  const minerMessage = parsed?.ok ? errText(parsed.value) : null;
  const { status } = reply;

  if (status >= 200 && status < 300) {
    if (parsed === null) return ok({ kind: 'empty' });
    if (minerMessage !== null) {
      return fail(new MinerError('miner_error', `${what}: ${minerMessage}`, { status, minerMessage }));
    }
    if (parsed.ok) return ok({ kind: 'json', value: parsed.value });
    const why = looksLikeHtml(text, reply.contentType)
      ? 'an HTML page instead of JSON'
      : 'a reply that is not JSON';
    return fail(new MinerError('bad_reply', `${what}: ${why}`, { status }));
  }
  if (minerMessage !== null) {
    return fail(
      new MinerError('miner_error', `${what}: ${minerMessage} (HTTP ${status})`, { status, minerMessage }),
    );
  }
  if (status === 401) return fail(new MinerError('auth', `${what}: not authorized (HTTP 401)`, { status }));
  if (status === 403) return fail(new MinerError('auth', `${what}: forbidden (HTTP 403)`, { status }));
  return fail(new MinerError('http', `${what}: HTTP ${status}`, { status }));
}

/** For endpoints whose success reply is JSON: an empty body there is a bad reply, not a value. */
export function requireJson(body: ReplyBody, what: string): Parsed<unknown> {
  if (body.kind === 'json') return ok(body.value);
  return fail(new MinerError('bad_reply', `${what}: empty reply where JSON was expected`));
}
