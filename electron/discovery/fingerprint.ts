/**
 * The identification decision (docs/vnish.md §6), pure: given what a device answered on HTTP and RPC, say what
 * it is. Every device that answered gets a verdict: Vnish, unsupported with the reason, or unknown with
 * what was seen. identify.ts gathers the evidence; tests feed this function directly.
 */
import { type DiscoveredDevice } from '../../shared/discovery';
import { parseVnishInfo, rpcModel, rpcVnishVersion, type VnishInfo } from './device-facts';
import { type HttpPage } from './http-get';
import { type FirmwareMatch, matchHttp, matchRpc, unsupportedReason } from './markers';

export type Probe<T> = { ok: true; value: T } | { ok: false; error: string };

export type Evidence = {
  /** The ports probed, for the words of an "unknown" verdict. */
  httpPort: number;
  rpcPort: number;
  httpOpen: boolean;
  rpcOpen: boolean;
  /** `GET /`, when port 80 was open. */
  page: Probe<HttpPage> | null;
  /** `GET /api/v1/info`, when asked. */
  info: Probe<HttpPage> | null;
  /** version, devdetails and stats replies (repaired text, '' for no reply), when asked. */
  rpc: Probe<string[]> | null;
};

export type Identity = Pick<
  DiscoveredDevice,
  'kind' | 'firmware' | 'version' | 'model' | 'mac' | 'serial' | 'hostname' | 'reason'
>;

const BLANK: Omit<Identity, 'kind'> = {
  firmware: null,
  version: null,
  model: null,
  mac: null,
  serial: null,
  hostname: null,
  reason: null,
};

/** The verdict for something that answered (or was announced) but could not be identified: never dropped. */
export function unknownIdentity(reason: string): Identity {
  return { kind: 'unknown', ...BLANK, reason };
}

/** After `GET /`: is `/api/v1/info` worth asking? Yes for AnthillOS, and for unmarked 200 pages (white-label builds). */
export function wantsInfo(page: Probe<HttpPage> | null): boolean {
  if (!page?.ok) return false;
  const match = matchHttp(page.value);
  return match?.kind === 'vnish' || (match === null && page.value.status === 200);
}

/** Is the RPC worth asking? Not when /api/v1/info already said Vnish: it tells all we need. */
export function wantsRpc(e: Pick<Evidence, 'rpcOpen' | 'info'>): boolean {
  return e.rpcOpen && !saysVnish(e.info);
}

/**
 * Does this /api/v1/info reply alone settle the verdict? An info reply naming Vnish decides it whatever the page
 * or the RPC would say (`decide` checks it first), so identification can stop there.
 */
export function saysVnish(info: Probe<HttpPage> | null): boolean {
  return isVnishInfo(infoFacts(info));
}

// wantsRpc and decide both read one reply: parse it once (the parse is a pure function of the page).
const parsedInfo = new WeakMap<HttpPage, VnishInfo | null>();

function infoFacts(info: Probe<HttpPage> | null): VnishInfo | null {
  if (!info?.ok || info.value.status !== 200) return null;
  const page = info.value;
  let facts = parsedInfo.get(page);
  if (facts === undefined) {
    facts = parseVnishInfo(page.body);
    parsedInfo.set(page, facts);
  }
  return facts;
}

function isVnishInfo(facts: VnishInfo | null): boolean {
  return facts !== null && /vnish/i.test(facts.fwName ?? '');
}

function vnish(facts: VnishInfo | null, rpcText: string, firmware: string, reason: string | null): Identity {
  return {
    kind: 'vnish',
    firmware,
    version: facts?.fwVersion ?? rpcVnishVersion(rpcText),
    model: facts?.model ?? rpcModel(rpcText),
    mac: facts?.mac ?? null,
    serial: facts?.serial ?? null,
    hostname: facts?.hostname ?? null,
    reason,
  };
}

function unsupported(match: FirmwareMatch, rpcText: string, facts: VnishInfo | null): Identity {
  return {
    ...BLANK,
    kind: 'unsupported',
    firmware: match.firmware,
    model: rpcModel(rpcText) ?? facts?.model ?? null,
    mac: facts?.mac ?? null,
    serial: facts?.serial ?? null,
    hostname: facts?.hostname ?? null,
    reason: unsupportedReason(match.firmware),
  };
}

/** What an unrecognised device showed, so "unknown" is never a shrug. */
function unknownReason(e: Evidence, rpcText: string): string {
  const seen: string[] = [];
  if (e.page?.ok) {
    const p = e.page.value;
    const title = /<title>([^<]{1,80})<\/title>/i.exec(p.body)?.[1]?.trim();
    seen.push(`HTTP ${p.status}${title ? ` "${title}"` : ''} without a known firmware marker`);
  } else if (e.page) seen.push(`port ${e.httpPort} open but HTTP failed (${e.page.error})`);
  else if (e.httpOpen) seen.push(`port ${e.httpPort} open`);
  if (e.rpc?.ok) {
    seen.push(
      rpcText.trim() === ''
        ? `port ${e.rpcPort} open but no CGMiner reply`
        : 'a CGMiner RPC reply without a known firmware marker',
    );
  } else if (e.rpc) seen.push(`port ${e.rpcPort} open but RPC failed (${e.rpc.error})`);
  else if (e.rpcOpen) seen.push(`port ${e.rpcPort} open`);
  return `Unknown device: ${seen.join('; ')}.`;
}

export function decide(e: Evidence): Identity {
  const facts = infoFacts(e.info);
  const rpcText = e.rpc?.ok ? e.rpc.value.join('\n') : '';
  const httpMatch = e.page?.ok ? matchHttp(e.page.value) : null;
  const rpcMatch = rpcText === '' ? null : matchRpc(rpcText);
  const noWeb = e.page?.ok ? null : 'Vnish RPC answered but its web API did not; RigDeck needs the web API.';

  if (isVnishInfo(facts)) return vnish(facts, rpcText, 'Vnish', null);
  if (rpcMatch?.kind === 'vnish') return vnish(facts, rpcText, 'Vnish', noWeb);
  // White-label AnthillOS builds speak the same API under another name (docs/vnish.md §6).
  if (httpMatch?.kind === 'vnish') return vnish(facts, rpcText, facts?.fwName ?? 'Vnish', null);
  // A non-stock answer beats a stock one: Hiveon and others keep Bitmain's login page.
  if (rpcMatch && !rpcMatch.stock) return unsupported(rpcMatch, rpcText, facts);
  if (httpMatch && !httpMatch.stock) return unsupported(httpMatch, rpcText, facts);
  const stock = httpMatch ?? rpcMatch;
  if (stock) return unsupported(stock, rpcText, facts);
  return {
    ...BLANK,
    kind: 'unknown',
    model: rpcModel(rpcText),
    reason: unknownReason(e, rpcText),
  };
}
