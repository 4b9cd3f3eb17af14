/** Protocol, session, shell and safeStorage. */

import type { CustomScheme, Protocol, Session, Shell } from 'electron';
import { vi } from 'vitest';

import { FakeWebContents } from './app-window';
import { journal, requireNotReady, requireReady } from './journal';

// ---------------------------------------------------------------------------------------------- protocol

export type ProtocolHandler = Parameters<Protocol['handle']>[1];

export const protocol = {
  privileged: [] as CustomScheme[],
  handlers: new Map<string, ProtocolHandler>(),

  registerSchemesAsPrivileged: vi.fn((schemes: CustomScheme[]) => {
    requireNotReady('protocol.registerSchemesAsPrivileged()');
    journal.push(`protocol.registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}`);
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    requireReady('protocol.handle()');
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    journal.push(`protocol.handle ${scheme}`);
    protocol.handlers.set(scheme, handler);
  }),

  /** What the renderer's request for `url` gets from the registered handler. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = protocol.handlers.get(scheme);
    if (!handler) throw new Error(`[fake electron] no handler for scheme ${scheme}`);
    return await handler(new Request(url, init));
  },
};

// ----------------------------------------------------------------------------------------------- session

export type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
export type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
export type Permission = Parameters<PermissionRequestHandler>[1];

export const defaultSession = {
  requestHandler: null as PermissionRequestHandler | null,
  checkHandler: null as PermissionCheckHandler | null,

  setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler | null) => {
    journal.push('session.setPermissionRequestHandler');
    defaultSession.requestHandler = handler;
  }),
  setPermissionCheckHandler: vi.fn((handler: PermissionCheckHandler | null) => {
    journal.push('session.setPermissionCheckHandler');
    defaultSession.checkHandler = handler;
  }),

  /**
   * Asks the request handler as Chromium would. Returns the answer, or 'unanswered' if the handler did not call
   * back synchronously (Chromium would then leave the page waiting).
   */
  requestPermission(
    permission: Permission,
    from = new FakeWebContents('app://rigdeck/index.html'),
  ): boolean | 'unanswered' {
    const handler = defaultSession.requestHandler;
    if (!handler) throw new Error('[fake electron] no permission request handler was set');
    let answer: boolean | 'unanswered' = 'unanswered';
    handler(from.asWebContents(), permission, (granted) => (answer = granted), {
      isMainFrame: true,
      requestingUrl: from.url,
    });
    return answer;
  },
  checkPermission(permission: Permission, origin = 'app://rigdeck'): boolean {
    const handler = defaultSession.checkHandler;
    if (!handler) throw new Error('[fake electron] no permission check handler was set');
    return handler(new FakeWebContents(`${origin}/index.html`).asWebContents(), permission, origin, {
      isMainFrame: true,
      requestingUrl: `${origin}/index.html`,
    });
  },
};

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};

// ------------------------------------------------------------------------------------------------- shell

export const shell = {
  openExternal: vi.fn<Shell['openExternal']>(async () => undefined),
  openPath: vi.fn<Shell['openPath']>(async () => ''),
};

/**
 * The OS keychain. The fake "encryption" is a reversible byte flip: enough to prove the vault stores what
 * safeStorage returns (never the plain text) and reads it back through decryptString.
 */
export const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => flip(Buffer.from(plain, 'utf8'))),
  decryptString: vi.fn((sealed: Buffer) => flip(sealed).toString('utf8')),
};
