// What a Vnish request handler gets: the rig, the farm services it may use, and the parsed request.
import { type Rng } from '../util/random';
import { type FailureCodes, type Timing } from '../rig/machine';
import { type Rig } from '../rig/types';
import { type AuthPolicy, type AuthState, type Credential } from './auth';
import { type Reply } from './reply';

export type VnishEnv = {
  now(): number;
  timing: Timing;
  codes: FailureCodes;
  rng: Rng;
  authPolicy: AuthPolicy;
  poolDiff: number;
  /** Raw bytes of the OpenAPI document for a firmware family, served at /docs/api-doc.json. */
  apiDoc(family: Rig['fw']['family']): Buffer | null;
};

export type VnishCtx = {
  rig: Rig;
  env: VnishEnv;
  auth: AuthState;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  cred: Credential;
  authorized: boolean;
  params: Record<string, string>;
};

export type Handler = (ctx: VnishCtx) => Reply | Promise<Reply>;

/** Parse a JSON request body; undefined when absent, an Error when malformed. */
export function jsonBody(ctx: VnishCtx): unknown {
  if (ctx.body.length === 0) return undefined;
  try {
    return JSON.parse(ctx.body.toString('utf8')) as unknown;
  } catch {
    return new Error('malformed JSON');
  }
}
