/** `advice.*`: the contract's door to the recommendations. */
import type { Handlers } from '../../shared/contract';
import { type AdviceService } from './service';

export function adviceHandlers(
  advice: AdviceService,
): Pick<Handlers, 'advice.list' | 'advice.dismiss' | 'advice.apply' | 'advice.history'> {
  return {
    'advice.list': async ({ rigId }) => advice.list(rigId),
    'advice.dismiss': async ({ id }) => ({ dismissed: advice.dismiss(id) }),
    'advice.apply': async ({ id, confirm }, ctx) => advice.apply(id, confirm, ctx.face),
    'advice.history': async () => ({ applied: advice.history() }),
  };
}
