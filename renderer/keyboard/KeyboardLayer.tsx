import { useEffect, useRef, useState } from 'react';

import { useUiStore } from '../stores/ui';
import { SEARCH_SELECTOR, focusWhenShown, rigRowSelector } from './focus';
import { IDLE, KEY_SHEET, type KeyAction, type KeyState, isTyping, pressKey } from './keys';

/** Listens for the app's shortcuts (keys.ts decides, this does) and shows the `?` sheet. */
export function KeyboardLayer() {
  const [help, setHelp] = useState(false);
  const state = useRef<KeyState>(IDLE);
  const helpRef = useRef(help);
  useEffect(() => {
    helpRef.current = help;
  }, [help]);

  useEffect(() => {
    const act = (action: KeyAction, target: EventTarget | null) => {
      const ui = useUiStore.getState();
      switch (action.kind) {
        case 'help':
          return setHelp((h) => !h);
        case 'focus-search':
          setHelp(false);
          if (ui.page !== 'fleet' || ui.rigId !== null) ui.go('fleet');
          return focusWhenShown(SEARCH_SELECTOR, true);
        case 'go':
          setHelp(false);
          return ui.go(action.page);
        case 'leave-field':
          if (target instanceof HTMLElement) target.blur();
          return setHelp(false);
        case 'back': {
          if (helpRef.current) return setHelp(false);
          const rig = ui.rigId;
          if (rig === null) return;
          ui.go('fleet');
          // Back on the table, the cursor is where the technician left it.
          return focusWhenShown(rigRowSelector(rig));
        }
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const { state: next, action } = pressKey(state.current, {
        key: e.key,
        ctrl: e.ctrlKey,
        meta: e.metaKey,
        alt: e.altKey,
        typing: isTyping(e.target),
        atMs: e.timeStamp,
      });
      state.current = next;
      if (action === null) return;
      e.preventDefault();
      act(action, e.target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!help) return null;
  return <KeySheet onClose={() => setHelp(false)} />;
}

function KeySheet({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    close.current?.focus();
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  return (
    <div className="sheet-backdrop" onClick={onClose}>
      <div
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="key-sheet-title"
        data-testid="key-sheet"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="key-sheet-title">Keyboard</h2>
        <table className="grid">
          <tbody>
            {KEY_SHEET.map((k) => (
              <tr key={k.what}>
                <td>
                  {k.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' then '}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{k.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button ref={close} type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
