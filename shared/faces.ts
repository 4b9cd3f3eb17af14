/** Who calls: the desktop window, a browser on the headless server, or a command of `npm run rigdeck`. */
export const faces = ['desktop', 'headless', 'cli'] as const;
export type Face = (typeof faces)[number];
