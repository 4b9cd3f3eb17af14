/**
 * mDNS with bonjour-service: browse for services whose name or host looks like a miner, and publish
 * RigDeck's headless face as `_rigdeck._tcp`.
 *
 * GAP (docs/vnish.md §6): no source shows Vnish or stock Antminers advertising anything over mDNS, so the
 * browse side is a net for whatever a farm's devices (or a DHCP/mDNS gateway) do advertise: which service
 * types to browse and which names count as "a miner" are options, not knowledge.
 *
 * Every socket is bound to an explicit interface: bonjour-service's defaults multicast out of every NIC.
 */
// Types only: the module itself is loaded on first use (realBonjour).
import type Bonjour from 'bonjour-service';
import type { Service, ServiceConfig } from 'bonjour-service';

export type MdnsInterface = {
  /** IPv4 address of the one interface to send and receive multicast on. Required, never defaulted. */
  interface: string;
  /** Address the socket binds to; 0.0.0.0 (the default) is needed to receive multicast on Linux. */
  bind?: string;
};

export type BrowseOptions = MdnsInterface & {
  /** Service types to browse ("http", "rigdeck" …); empty = every type the LAN announces (DNS-SD wildcard). */
  types?: readonly string[];
  /** A service counts as a miner when its name or host matches one of these. */
  patterns?: readonly RegExp[];
};

/** Names real farms give miners and firmwares use in host names; a guess, see the GAP above. */
export const DEFAULT_MINER_PATTERNS: readonly RegExp[] = [
  /miner/i,
  /vnish/i,
  /anthill/i,
  /bitmain/i,
  /braiins/i,
  /luxos/i,
  /^(l3|l7|l9|s9|s19|s21|t21)\b/i,
];

export type MdnsCandidate = {
  name: string;
  host: string;
  type: string;
  port: number;
  /** IPv4 address to probe: the sender of the answer, else the first advertised IPv4 address. */
  address: string | null;
  txt: Record<string, string>;
};

export type MdnsHandle = { stop(): Promise<void> };

/** The fields of a bonjour-service Service this module reads. */
export type MdnsService = Pick<Service, 'name' | 'host' | 'type' | 'port' | 'referer' | 'addresses' | 'txt'>;

/** The part of a Bonjour instance this module uses; the real one fits, and tests can fake it. */
export type BonjourLike = {
  find(options: { type: string } | null, onUp: (s: MdnsService) => void): { stop(): void };
  publish(config: ServiceConfig): unknown;
  unpublishAll(callback: () => void): void;
  destroy(callback: () => void): void;
};

export type BonjourOptions = { interface: string; bind: string };
export type BonjourFactory = (options: BonjourOptions, onError: (e: unknown) => void) => BonjourLike;

let bonjourModule: Promise<typeof Bonjour> | null = null;

/**
 * bonjour-service is loaded when mDNS is first used, not with the core: most runs (every CLI command, a serve
 * without --mdns) never use it, and it costs about 20 ms of CPU to load. Until it is loaded, calls wait in order.
 */
export const realBonjour: BonjourFactory = (options, onError) => {
  // bonjour-service types its constructor options as a service config, but hands them to multicast-dns,
  // which is where `interface` and `bind` take effect.
  const socket: Partial<ServiceConfig> & BonjourOptions = { ...options };
  bonjourModule ??= import('bonjour-service').then((m) => m.default);
  return deferredBonjour(
    bonjourModule.then((BonjourClass) => new BonjourClass(socket, onError)),
    onError,
  );
};

/** A BonjourLike whose calls run once `ready` resolves; if it fails, browsing finds nothing and stops at once. */
export function deferredBonjour(ready: Promise<BonjourLike>, onError: (e: unknown) => void): BonjourLike {
  let real: BonjourLike | null = null;
  let settled = false;
  const waiting: Array<(b: BonjourLike | null) => void> = [];
  const settle = (): void => {
    settled = true;
    for (const run of waiting.splice(0)) run(real);
  };
  ready.then(
    (b) => {
      real = b;
      settle();
    },
    (e: unknown) => {
      onError(e);
      settle();
    },
  );
  const when = (run: (b: BonjourLike | null) => void): void => {
    if (settled) run(real);
    else waiting.push(run);
  };
  return {
    find(options, onUp) {
      let browser: { stop(): void } | null = null;
      let stopped = false;
      when((b) => {
        if (b && !stopped) browser = b.find(options, onUp);
      });
      return {
        stop: () => {
          stopped = true;
          browser?.stop();
        },
      };
    },
    publish(config) {
      when((b) => b?.publish(config));
      return undefined;
    },
    unpublishAll(callback) {
      when((b) => (b ? b.unpublishAll(callback) : callback()));
    },
    destroy(callback) {
      when((b) => (b ? b.destroy(callback) : callback()));
    },
  };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function looksLikeMiner(s: { name: string; host: string }, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(s.name) || p.test(s.host));
}

export function candidateFrom(s: MdnsService): MdnsCandidate {
  const referer = s.referer?.family === 'IPv4' ? s.referer.address : null;
  const advertised = (s.addresses ?? []).find((a) => IPV4.test(a)) ?? null;
  const txt: Record<string, string> = {};
  if (s.txt && typeof s.txt === 'object') {
    for (const [k, v] of Object.entries(s.txt as Record<string, unknown>)) txt[k] = String(v);
  }
  return {
    name: s.name,
    host: s.host,
    type: s.type,
    port: s.port,
    // On a host's loopback the A records list the real NICs, not 127.x (toolchain.md §5): trust the sender.
    address: referer ?? advertised,
    txt,
  };
}

function report(e: unknown): void {
  console.error(`discovery: mDNS: ${e instanceof Error ? e.message : String(e)}`);
}

function socketOptions(o: MdnsInterface): BonjourOptions {
  if (!IPV4.test(o.interface)) throw new Error(`mDNS needs an interface IPv4 address, got "${o.interface}"`);
  return { interface: o.interface, bind: o.bind ?? '0.0.0.0' };
}

/** Calls `onCandidate` once per miner-looking service (again if it goes away and comes back). */
export function browseMiners(
  options: BrowseOptions,
  onCandidate: (c: MdnsCandidate) => void,
  factory: BonjourFactory = realBonjour,
): MdnsHandle {
  const bonjour = factory(socketOptions(options), report);
  const patterns = options.patterns ?? DEFAULT_MINER_PATTERNS;
  const onUp = (s: MdnsService): void => {
    if (looksLikeMiner(s, patterns)) onCandidate(candidateFrom(s));
  };
  const types = options.types ?? [];
  const browsers =
    types.length === 0 ? [bonjour.find(null, onUp)] : types.map((type) => bonjour.find({ type }, onUp));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        for (const b of browsers) b.stop();
        bonjour.destroy(() => resolve());
      }),
  };
}

export type PublishOptions = MdnsInterface & {
  /** Port of the headless face's HTTP server. */
  port: number;
  version: string;
  /** Instance name; default "RigDeck". mDNS probing renames it on a clash. */
  name?: string;
};

/** Announces the headless face as `_rigdeck._tcp` with `txt: { version, path }`. */
export function publishRigDeck(options: PublishOptions, factory: BonjourFactory = realBonjour): MdnsHandle {
  const bonjour = factory(socketOptions(options), report);
  bonjour.publish({
    name: options.name ?? 'RigDeck',
    type: 'rigdeck',
    protocol: 'tcp',
    port: options.port,
    txt: { version: options.version, path: '/' },
    disableIPv6: true,
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        // Goodbye packets first, so browsers drop us at once instead of after the TTL.
        bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
      }),
  };
}
