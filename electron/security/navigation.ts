/**
 * Pure allowlists for the desktop window, kept apart from the Electron glue so they are tested without Electron.
 * Origins are compared with a real URL parser, never with startsWith ("app://rigdeck.evil" must not pass).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rigdeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for pages of our own bundle, served by our app:// protocol. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/** Links the technician may open in the system browser: http(s) only, no embedded credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    (u.protocol === 'https:' || u.protocol === 'http:') &&
    u.username === '' &&
    u.password === ''
  );
}

/** The renderer needs no browser permission (notifications are sent from the main process), so all are refused. */
export function allowPermission(_permission: string): boolean {
  return false;
}
