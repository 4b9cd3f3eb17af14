import { create } from 'zustand';

import { getClient } from '../api';
import type { ClientStatus } from '../api/types';

type ConnectionState = ClientStatus & {
  loggingIn: boolean;
  start(): () => void;
  login(password: string): Promise<void>;
  logout(): void;
};

export const useConnectionStore = create<ConnectionState>((set) => ({
  status: 'connecting',
  loginError: undefined,
  loggingIn: false,
  start() {
    return getClient().onStatus((s) => set({ status: s.status, loginError: s.loginError }));
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
