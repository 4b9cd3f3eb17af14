/**
 * The one door between the renderer and the core. Every method and event is declared here once, with zod
 * schemas; the preload, electron/ipc.ts, the WebSocket server and the renderer client all derive from this map,
 * so adding a method here needs no hand-written code in any transport (only its handler in the core).
 * Secrets never cross this door: the UI learns "configured: yes", never a key.
 */
import { z } from 'zod';

import { settingsPatchSchema, settingsSchema } from './settings';

const empty = z.object({}).strict().optional();

export const faces = ['desktop', 'headless'] as const;
export type Face = (typeof faces)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  face: z.enum(faces),
  dataDir: z.string(),
  platform: z.string(),
  startedAt: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

type MethodSpec = { req: z.ZodType; res: z.ZodType; doc: string };
const method = <Req extends z.ZodType, Res extends z.ZodType>(req: Req, res: Res, doc: string) =>
  ({ req, res, doc }) satisfies MethodSpec;

export const methods = {
  'app.info': method(empty, appInfoSchema, 'Version, face (desktop or headless) and data directory.'),
  'settings.get': method(empty, settingsSchema, 'The current settings.'),
  'settings.update': method(
    settingsPatchSchema,
    settingsSchema,
    'Validate, merge and persist a partial update.',
  ),
} as const;

export const events = {
  'settings.changed': settingsSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;

/** What a caller passes (schema input: optional fields may be left out). */
export type Req<K extends MethodName> = z.input<Methods[K]['req']>;
/** What a handler receives after validation. */
export type ParsedReq<K extends MethodName> = z.output<Methods[K]['req']>;
export type Res<K extends MethodName> = z.output<Methods[K]['res']>;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Who is calling: the host fills this in; handlers may use it for audit. */
export type CallContext = { face: Face; peer: string };

export type Handlers = {
  [K in MethodName]: (req: ParsedReq<K>, ctx: CallContext) => Promise<Res<K>>;
};

/** IPC channel names used by the desktop face. Kept here so preload and ipc.ts cannot drift apart. */
export const ipcChannel = (name: MethodName) => `rigdeck:call:${name}`;
export const ipcEventChannel = (name: EventName) => `rigdeck:event:${name}`;
