/**
 * The two Abacus.AI tokens (docs/abacus.md §2), sealed in the vault like the ProHashing key: read by the client
 * when it calls, never returned through the contract (the UI learns only whether each is set).
 */
import type { Vault } from '../../secrets/vault';

export const DEPLOYMENT_TOKEN_KEY = 'abacus:deployment-token';
export const STREAMING_TOKEN_KEY = 'abacus:streaming-token';

export type AbacusTokens = {
  deployment(): string | null;
  streaming(): string | null;
  set(tokens: { deploymentToken?: string | undefined; streamingToken?: string | undefined }): void;
  clear(which: readonly ('deployment' | 'streaming')[]): void;
};

export function createAbacusTokens(vault: Vault): AbacusTokens {
  return {
    deployment: () => vault.get(DEPLOYMENT_TOKEN_KEY),
    streaming: () => vault.get(STREAMING_TOKEN_KEY),
    set({ deploymentToken, streamingToken }) {
      if (deploymentToken !== undefined) vault.set(DEPLOYMENT_TOKEN_KEY, deploymentToken);
      if (streamingToken !== undefined) vault.set(STREAMING_TOKEN_KEY, streamingToken);
    },
    clear(which) {
      if (which.includes('deployment')) vault.delete(DEPLOYMENT_TOKEN_KEY);
      if (which.includes('streaming')) vault.delete(STREAMING_TOKEN_KEY);
    },
  };
}
