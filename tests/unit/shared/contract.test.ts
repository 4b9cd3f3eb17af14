// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { splitName } from '../../../shared/bridge';
import { eventNames, events, isMethodName, methodNames, methods } from '../../../shared/contract';

describe('contract', () => {
  it('names every method and event domain.action, so the bridge can nest them', () => {
    for (const name of [...methodNames, ...eventNames]) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      const [domain, action] = splitName(name);
      expect(`${domain}.${action}`).toBe(name);
    }
  });

  it('has a request and a response schema and a doc line for every method', () => {
    for (const name of methodNames) {
      expect(methods[name].doc.length).toBeGreaterThan(5);
      expect(typeof methods[name].req.safeParse).toBe('function');
      expect(typeof methods[name].res.safeParse).toBe('function');
    }
    for (const name of eventNames) expect(typeof events[name].safeParse).toBe('function');
  });

  it('does not mistake inherited object keys for methods', () => {
    expect(isMethodName('settings.get')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName(42)).toBe(false);
  });

  it('lets no-argument methods be called with nothing or {}, and nothing more', () => {
    expect(methods['app.info'].req.safeParse(undefined).success).toBe(true);
    expect(methods['app.info'].req.safeParse({}).success).toBe(true);
    expect(methods['app.info'].req.safeParse({ x: 1 }).success).toBe(false);
  });
});
