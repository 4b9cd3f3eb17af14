/**
 * Repairs the almost-JSON that cgminer/bmminer builds send on port 4028 (docs/vnish.md §5, "Malformed-JSON
 * quirks"). One pass over the text that knows whether it is inside a string, so a repair never
 * corrupts string content (pyasic's blind `replace("nan", "0")` would turn "Nano" into "0o").
 *
 * Handled, outside strings: NUL bytes anywhere; `}{` / `][` / `}[` between values (a comma is
 * inserted, seen in a real Vnish 3.8.6 stats reply); `[,{` and a leading `,`; trailing `,}` / `,]`;
 * doubled commas; bare `inf`/`-inf`/`nan`/`Infinity`/`NaN` (become null: "no value", never a fake 0);
 * garbage after the first complete top-level value. Inside strings: raw control characters (escaped),
 * invalid backslash escapes (the backslash is kept literally). Finally a truncated buffer is cut after
 * the last complete member and its open brackets are closed.
 */

export type Repaired = {
  text: string;
  /** True when the input ended inside a value and was cut back to the last complete member. */
  truncated: boolean;
};

const BARE_NON_NUMBERS = new Set(['inf', '-inf', '+inf', 'infinity', '-infinity', 'nan', '-nan']);
const VALID_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function escapeControl(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9+\-.]/.test(ch);
}

/** The last significant character emitted, ignoring nothing (we never emit whitespace outside strings). */
function lastChar(out: string[]): string {
  for (let i = out.length - 1; i >= 0; i--) {
    const piece = out[i];
    if (piece !== undefined && piece.length > 0) return piece.charAt(piece.length - 1);
  }
  return '';
}

function dropTrailingComma(out: string[]): void {
  for (let i = out.length - 1; i >= 0; i--) {
    const piece = out[i];
    if (piece === undefined || piece.length === 0) continue;
    if (piece === ',') out[i] = '';
    return;
  }
}

/**
 * The string whose opening quote is just before `from`, repaired: control characters escaped, invalid
 * escapes kept as a literal backslash, NULs dropped. `text` is null when the input ends inside it.
 */
function readString(input: string, from: number): { text: string | null; end: number } {
  const n = input.length;
  let s = '"';
  let i = from;
  while (i < n) {
    const c = input.charAt(i);
    if (c === '"') return { text: `${s}"`, end: i + 1 };
    if (c === '\\') {
      const next = input.charAt(i + 1);
      if (VALID_ESCAPES.has(next)) {
        s += c + next;
        i += 2;
      } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(input.slice(i + 2, i + 6))) {
        s += input.slice(i, i + 6);
        i += 6;
      } else {
        s += '\\\\';
        i++;
      }
      continue;
    }
    if (c === '\0') {
      i++;
      continue;
    }
    s += c < ' ' || c === '\u007f' ? escapeControl(c) : c;
    i++;
  }
  return { text: null, end: i };
}

const CLOSER: Record<string, string> = { '{': '}', '[': ']' };

export function repairJson(input: string): Repaired {
  const out: string[] = [];
  const stack: string[] = [];
  // Where a cut would leave valid JSON: the output length and the open brackets right before a comma.
  let safeLen = -1;
  let safeStack: string[] = [];
  let started = false;
  let brokenString = false;
  let i = 0;
  const n = input.length;

  const beginValue = (): void => {
    const prev = lastChar(out);
    // A value right after a closed container with no comma between: `}{` and friends.
    if (stack.length > 0 && (prev === '}' || prev === ']')) out.push(',');
  };

  while (i < n) {
    const ch = input.charAt(i);
    if (started && stack.length === 0) break; // garbage after the first complete value
    if (ch === '\0' || ch <= ' ' || ch === '\u007f') {
      i++;
      continue;
    }
    if (ch === '"') {
      beginValue();
      const str = readString(input, i + 1);
      i = str.end;
      if (str.text === null) {
        brokenString = true; // truncated inside a string: drop the partial string
        break;
      }
      out.push(str.text);
      started = true;
      continue;
    }
    if (ch === '{' || ch === '[') {
      beginValue();
      out.push(ch);
      stack.push(ch);
      started = true;
      i++;
      continue;
    }
    if (ch === '}' || ch === ']') {
      const open = stack[stack.length - 1];
      if (open === undefined || CLOSER[open] !== ch) {
        i++; // a stray closer: skip it rather than give up
        continue;
      }
      dropTrailingComma(out);
      out.push(ch);
      stack.pop();
      i++;
      continue;
    }
    if (ch === ',') {
      const prev = lastChar(out);
      if (prev !== '' && prev !== ',' && prev !== '[' && prev !== '{' && prev !== ':') {
        safeLen = out.length;
        safeStack = [...stack];
        out.push(',');
      }
      i++;
      continue;
    }
    if (ch === ':') {
      out.push(':');
      i++;
      continue;
    }
    // A bare word: number, literal, or one of the non-numbers firmware prints for a broken sensor.
    let j = i;
    while (j < n && isWordChar(input.charAt(j))) j++;
    if (j === i) {
      i++; // a character JSON has no use for outside strings
      continue;
    }
    const word = input.slice(i, j);
    beginValue();
    out.push(BARE_NON_NUMBERS.has(word.toLowerCase()) ? 'null' : word);
    started = true;
    i = j;
  }

  if (stack.length === 0) return { text: out.join(''), truncated: brokenString };
  // Truncated: cut back to the last comma that followed a complete member, then close what was open.
  if (safeLen < 0) return { text: out.join(''), truncated: true };
  const kept = out.slice(0, safeLen).join('');
  const closers = safeStack
    .reverse()
    .map((open) => CLOSER[open] ?? '')
    .join('');
  return { text: kept + closers, truncated: true };
}

/** Parses repaired text; `undefined` when even the repaired text is not JSON. */
export function parseRepaired(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
