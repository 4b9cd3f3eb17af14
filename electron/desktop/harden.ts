import type { Shell, WebContents } from 'electron';

import { isAppUrl, isSafeExternalUrl } from '../security/navigation';

/**
 * Applied to every WebContents Electron creates: the window may never leave our bundle, never open a window,
 * never attach a webview. A link to the web goes to the system browser, and only if it is plain http(s).
 */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  const openOutside = (url: string) => {
    if (!isSafeExternalUrl(url)) return;
    shell.openExternal(url).catch((err: unknown) => console.warn(`[rigdeck] could not open ${url}:`, err));
  };
  const keepInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
