// @vitest-environment node
// The autobahn adapter's pure parts: the WAMP-CRA response (plain and salted, checked against Node's own
// HMAC/PBKDF2, i.e. what a router computes) and how WAMP error replies become typed errors.
import { createHmac, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { craSignature, wampCallError } from '../../../../electron/pool/prohashing/wamp-connector';

const CHALLENGE = JSON.stringify({
  authid: 'web',
  authrole: 'user',
  authmethod: 'wampcra',
  nonce: 'n',
  session: 1,
});

describe('WAMP-CRA', () => {
  it('signs the challenge with HMAC-SHA256(secret) in base64, as the router checks (docs/prohashing.md §3.8)', () => {
    const expected = createHmac('sha256', 'web').update(CHALLENGE).digest('base64');
    expect(craSignature('wampcra', { challenge: CHALLENGE }, 'web')).toBe(expected);
  });

  it('derives the key with PBKDF2-SHA256 first when the router sends a salt', () => {
    const key = pbkdf2Sync('web', 'salt123', 100, 16, 'sha256').toString('base64');
    const expected = createHmac('sha256', key).update(CHALLENGE).digest('base64');
    const extra = { challenge: CHALLENGE, salt: 'salt123', iterations: 100, keylen: 16 };
    expect(craSignature('wampcra', extra, 'web')).toBe(expected);
  });

  it('refuses other methods and a challenge without text', () => {
    expect(() => craSignature('ticket', { challenge: CHALLENGE }, 'web')).toThrow(/unsupported/);
    expect(() => craSignature('wampcra', {}, 'web')).toThrow(/without a challenge/);
  });
});

describe('wampCallError', () => {
  it('keeps the WAMP error URI and args', () => {
    const e = wampCallError('ProHashing live f_all_x', {
      error: 'wamp.error.no_such_procedure',
      args: ['f_all_x'],
    });
    expect(e).toMatchObject({
      code: 'protocol',
      message: 'ProHashing live f_all_x: wamp.error.no_such_procedure (f_all_x)',
    });
    expect(wampCallError('x', new Error('boom')).message).toBe('x: boom');
  });
});
