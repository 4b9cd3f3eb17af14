import { describe, expect, it } from 'vitest';

import {
  IDLE,
  KEY_SHEET,
  type KeyPress,
  type KeyState,
  PREFIX_TIMEOUT_MS,
  isTyping,
  moveIndex,
  pressKey,
} from '../../../renderer/keyboard/keys';

const press = (key: string, part: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrl: false,
  meta: false,
  alt: false,
  typing: false,
  atMs: 1000,
  ...part,
});

/** Runs a sequence of presses from idle and returns every action, in order (null for none). */
function run(keys: KeyPress[], from: KeyState = IDLE) {
  let state = from;
  return keys.map((k) => {
    const r = pressKey(state, k);
    state = r.state;
    return r.action;
  });
}

describe('pressKey', () => {
  it('/ focuses search, ? shows the sheet, Esc goes back', () => {
    expect(run([press('/'), press('?'), press('Escape')])).toEqual([
      { kind: 'focus-search' },
      { kind: 'help' },
      { kind: 'back' },
    ]);
  });

  it('g then f / m / a go to Fleet, Map, Alerts', () => {
    expect(run([press('g'), press('f'), press('g'), press('m'), press('g'), press('a')])).toEqual([
      null,
      { kind: 'go', page: 'fleet' },
      null,
      { kind: 'go', page: 'map' },
      null,
      { kind: 'go', page: 'alerts' },
    ]);
  });

  it('forgets a g left alone longer than the timeout, and a g followed by another key', () => {
    const late = run([press('g', { atMs: 0 }), press('a', { atMs: PREFIX_TIMEOUT_MS + 1 })]);
    expect(late).toEqual([null, null]);
    expect(run([press('g'), press('x'), press('a')])).toEqual([null, null, null]);
  });

  it('fires nothing while typing in a field, except Esc, which leaves it', () => {
    const typing = { typing: true };
    expect(run([press('/', typing), press('g', typing), press('a', typing), press('?', typing)])).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(run([press('Escape', typing)])).toEqual([{ kind: 'leave-field' }]);
    // A g pressed before the focus went into a field does not combine with a letter typed there.
    expect(run([press('g'), press('a', typing)])).toEqual([null, null]);
  });

  it('leaves chords to the browser and cancels a pending prefix with them', () => {
    expect(run([press('/', { ctrl: true }), press('?', { meta: true }), press('g', { alt: true })])).toEqual([
      null,
      null,
      null,
    ]);
    expect(run([press('g'), press('a', { ctrl: true }), press('a')])).toEqual([null, null, null]);
  });
});

describe('moveIndex', () => {
  it('moves by one, by a page and to the ends, clamped to the list', () => {
    expect(moveIndex(-1, 'ArrowDown', 10, 5)).toBe(0);
    expect(moveIndex(0, 'ArrowDown', 10, 5)).toBe(1);
    expect(moveIndex(9, 'ArrowDown', 10, 5)).toBe(9);
    expect(moveIndex(0, 'ArrowUp', 10, 5)).toBe(0);
    expect(moveIndex(4, 'k', 10, 5)).toBe(3);
    expect(moveIndex(4, 'j', 10, 5)).toBe(5);
    expect(moveIndex(2, 'PageDown', 10, 5)).toBe(7);
    expect(moveIndex(8, 'PageDown', 10, 5)).toBe(9);
    expect(moveIndex(3, 'PageUp', 10, 5)).toBe(0);
    expect(moveIndex(5, 'Home', 10, 5)).toBe(0);
    expect(moveIndex(5, 'End', 10, 5)).toBe(9);
  });

  it('is null for other keys and for an empty list', () => {
    expect(moveIndex(0, 'Enter', 10, 5)).toBeNull();
    expect(moveIndex(0, 'ArrowDown', 0, 5)).toBeNull();
  });
});

describe('isTyping', () => {
  const el = (tagName: string, type?: string, isContentEditable = false) =>
    ({ tagName, type, isContentEditable }) as unknown as EventTarget;
  it('is true in text inputs, text areas, selects and editable content', () => {
    expect(isTyping(el('INPUT', 'text'))).toBe(true);
    expect(isTyping(el('INPUT', 'search'))).toBe(true);
    expect(isTyping(el('INPUT', 'password'))).toBe(true);
    expect(isTyping(el('TEXTAREA'))).toBe(true);
    expect(isTyping(el('SELECT'))).toBe(true);
    expect(isTyping(el('DIV', undefined, true))).toBe(true);
  });
  it('is false on buttons, check boxes, rows and the page', () => {
    expect(isTyping(el('INPUT', 'checkbox'))).toBe(false);
    expect(isTyping(el('BUTTON'))).toBe(false);
    expect(isTyping(el('DIV'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

it('the sheet lists every shortcut the reducer knows', () => {
  const listed = KEY_SHEET.map((k) => k.keys.join(' '));
  for (const k of ['/', 'Enter', 'Esc', 'g f', 'g m', 'g a', '?']) expect(listed).toContain(k);
});
