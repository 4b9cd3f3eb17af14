/**
 * The app's keyboard shortcuts as a pure reducer over key presses: the state is a pending prefix (`g`, waiting
 * for its second key), the output what to do. The hook that listens to the page and does it is use-shortcuts.ts.
 * No shortcut fires while the technician types in a field, except Esc, which leaves the field.
 */
export type Destination = 'fleet' | 'map' | 'alerts' | 'discovery' | 'settings';

export type KeyAction =
  | { kind: 'focus-search' }
  | { kind: 'go'; page: Destination }
  | { kind: 'help' }
  /** Esc outside a field: close what is open, else go back (rig page → Fleet). */
  | { kind: 'back' }
  /** Esc in a field: leave it. */
  | { kind: 'leave-field' };

export type KeyPress = {
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  /** The focus is in something that takes text (input, textarea, select, contenteditable). */
  typing: boolean;
  atMs: number;
};

export type KeyState = { pending: 'g' | null; sinceMs: number };
export type KeyResult = { state: KeyState; action: KeyAction | null };

export const IDLE: KeyState = { pending: null, sinceMs: 0 };
/** How long `g` waits for its second key; a `g` left alone is forgotten. */
export const PREFIX_TIMEOUT_MS = 1500;

const GO: Record<string, Destination> = { f: 'fleet', m: 'map', a: 'alerts', d: 'discovery', s: 'settings' };

export function pressKey(state: KeyState, k: KeyPress): KeyResult {
  // Chords belong to the browser and the OS (copy, find, reload…); they also cancel a pending prefix.
  if (k.ctrl || k.meta || k.alt) return { state: IDLE, action: null };
  if (k.typing) return { state: IDLE, action: k.key === 'Escape' ? { kind: 'leave-field' } : null };
  if (state.pending === 'g' && k.atMs - state.sinceMs <= PREFIX_TIMEOUT_MS) {
    const page = GO[k.key.toLowerCase()];
    return { state: IDLE, action: page ? { kind: 'go', page } : null };
  }
  switch (k.key) {
    case 'g':
      return { state: { pending: 'g', sinceMs: k.atMs }, action: null };
    case '/':
      return { state: IDLE, action: { kind: 'focus-search' } };
    case '?':
      return { state: IDLE, action: { kind: 'help' } };
    case 'Escape':
      return { state: IDLE, action: { kind: 'back' } };
    default:
      return { state: IDLE, action: null };
  }
}

/** Where a key moves the cursor in a list of `count` rows, `page` rows to a screen; null: not a moving key. */
export function moveIndex(from: number, key: string, count: number, page: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const at = (i: number) => Math.min(last, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return from < 0 ? 0 : at(from + 1);
    case 'ArrowUp':
    case 'k':
      return from < 0 ? 0 : at(from - 1);
    case 'PageDown':
      return at(from + Math.max(1, page));
    case 'PageUp':
      return at(from - Math.max(1, page));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** The `?` sheet: every key, in the words a technician reads. */
export const KEY_SHEET: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ['/'], what: 'Search the fleet' },
  { keys: ['↑ / ↓'], what: 'Move in the Fleet table (also j / k, Page Up / Down, Home / End)' },
  { keys: ['Enter'], what: 'Open the rig' },
  { keys: ['Esc'], what: 'Go back, close this sheet, or leave a field' },
  { keys: ['g', 'f'], what: 'Go to Fleet' },
  { keys: ['g', 'm'], what: 'Go to Map' },
  { keys: ['g', 'a'], what: 'Go to Alerts' },
  { keys: ['g', 'd'], what: 'Go to Discovery' },
  { keys: ['g', 's'], what: 'Go to Settings' },
  { keys: ['?'], what: 'Show these keys' },
];

/** Whether a key press lands in something that takes text, so shortcuts leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (target === null || typeof target !== 'object' || !('tagName' in target)) return false;
  const el = target as { tagName: string; isContentEditable?: boolean; type?: string };
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Buttons and boxes take no text: a shortcut pressed while one has focus still works.
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
    el.type ?? '',
  );
}
