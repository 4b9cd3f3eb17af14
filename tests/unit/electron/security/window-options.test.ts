// @vitest-environment node
/**
 * The main window's options: every Electron security-checklist flag set to its safe value, the preload path
 * passed through untouched, and nothing that loosens the sandbox. These are the production values.
 */
import { describe, expect, it } from 'vitest';

import { getMainWindowOptions } from '../../../../electron/security/window-options';

const PRELOAD = '/opt/RigDeck/resources/app/dist/electron/preload.cjs';

describe('getMainWindowOptions', () => {
  const options = getMainWindowOptions(PRELOAD);
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives the page, its workers and its sub-frames no Node', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and blocks insecure content, experimental features and <webview>', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('sets nothing that loosens the above', () => {
    for (const key of [
      'enableBlinkFeatures',
      'additionalArguments',
      'partition',
      'session',
      'plugins',
      'javascript',
    ]) {
      expect(prefs, key).not.toHaveProperty(key);
    }
  });

  it('uses exactly the preload path it is given', () => {
    expect(prefs.preload).toBe(PRELOAD);
    expect(getMainWindowOptions('/x/preload.cjs').webPreferences?.preload).toBe('/x/preload.cjs');
  });

  it('starts hidden (shown on ready-to-show) with a sane size and title', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('RigDeck');
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('returns a fresh object each time, so one caller cannot loosen the next window', () => {
    const a = getMainWindowOptions(PRELOAD);
    if (a.webPreferences) a.webPreferences.sandbox = false;
    expect(getMainWindowOptions(PRELOAD).webPreferences?.sandbox).toBe(true);
  });
});
