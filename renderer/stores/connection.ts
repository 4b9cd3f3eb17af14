import { create } from 'zustand';

import { getClient } from '../api';
import type { ClientStatus } from '../api/types';
import { LINK_UNKNOWN, type Link, nextLink } from './link';

type ConnectionState = ClientStatus & {
  /** Whether what is on screen is current; when the link dropped, the moment every figure stopped being live. */
  link: Link;
  loggingIn: boolean;
  start(): () => void;
  login(password: string): Promise<void>;
  logout(): void;
};

export const useConnectionStore = create<ConnectionState>((set, get) => ({
  status: 'connecting',
  loginError: undefined,
  link: LINK_UNKNOWN,
  loggingIn: false,
  start() {
    return getClient().onStatus((s) =>
      set({
        status: s.status,
        loginError: s.loginError,
        link: nextLink(get().link, s.status, Date.now()),
      }),
    );
  },
  async login(password) {
    set({ loggingIn: true, loginError: undefined });
    try {
      await getClient().login(password);
    } catch (err) {
      set({ loginError: err instanceof Error ? err.message : String(err) });
    } finally {
      set({ loggingIn: false });
    }
  },
  logout() {
    getClient().logout();
  },
}));
