import type { Handlers } from '../../../shared/contract';
import type { AbacusService } from './service';
import type { AbacusTokens } from './tokens';

/** The tokens go in and never come out: every reply is the status, which says only whether each is set. */
export function abacusHandlers(deps: {
  service: AbacusService;
  tokens: AbacusTokens;
  /** Tokens changed: forget past trouble and try again soon. */
  changed: () => void;
}): Pick<Handlers, 'abacus.configure' | 'abacus.status' | 'abacus.clearTokens'> {
  return {
    'abacus.configure': async (req) => {
      deps.tokens.set(req);
      deps.changed();
      return deps.service.status();
    },
    'abacus.status': async () => deps.service.status(),
    'abacus.clearTokens': async ({ tokens }) => {
      deps.tokens.clear(tokens);
      deps.changed();
      return deps.service.status();
    },
  };
}
