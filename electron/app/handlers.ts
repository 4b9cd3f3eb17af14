import type { AppInfo, Handlers } from '../../shared/contract';

export function appHandlers(info: AppInfo): Pick<Handlers, 'app.info'> {
  return { 'app.info': async () => info };
}
