// The ProHashing fake: REST on /api/v1 and the WAMP router on /ws, on one loopback port.
import { type Rng, randomHex } from '../util/random';
import { type Scenario } from '../scenario/schema';
import { type FarmService } from '../farm/services';
import { closeServer, jsonServer, listenLoopback, sendJson, sendText } from '../farm/http-json';
import { type ProHashingInfo } from '../farm/types';
import { COINS, hostOf, minerObject, newPoolState, type PoolConfig, tickPool } from './pool';
import { DEFAULT_REST_QUIRKS, type RestQuirks, restReply } from './rest';
import { createWampRouter } from './wamp';

export type ProHashingOptions = { scenario: Scenario; port: number; rng: Rng; now(): number };

export type ProHashing = { info: ProHashingInfo; service: FarmService; quirks: RestQuirks };

const POOL_TICK_SEC = 10;

function profitability(nowSec: number): Record<string, unknown> {
  const row = (name: string, usd: number, btc: number): Record<string, unknown> => ({
    algorithm_name: name,
    usd,
    btc,
    max_usd: usd * 2.1,
    max_btc: btc * 2.1,
    percentile_usd: usd * 0.95,
    percentile_btc: btc * 0.95,
    data_timestamp: nowSec - 3.1,
    server_timestamp: nowSec,
    server_id: 4,
  });
  return { '1': row('Scrypt', 0.0025041, 6.8628e-7), '2': row('SHA-256', 1.3e-7, 3.6e-11) };
}

export async function startProHashing(o: ProHashingOptions): Promise<ProHashing> {
  const { scenario, rng } = o;
  const apiKey = scenario.account.apiKey ?? randomHex(rng.fork('apikey'), 64);
  const cfg: PoolConfig = {
    host: hostOf(scenario.pool.url),
    account: scenario.account.name,
    diff: scenario.pool.diff,
    hashrateTauSec: 600,
    closedSession: 'zero',
  };
  const st = newPoolState();
  const quirks: RestQuirks = { ...DEFAULT_REST_QUIRKS };
  const router = createWampRouter({
    realm: 'mining',
    authid: 'web',
    secret: 'web',
    rng: rng.fork('wamp'),
    procedures: {
      // A wrong API key gets an empty result: ProHashing's real behaviour is a GAP (docs/prohashing.md §3.8).
      f_all_miner_updates: (args) => (args[0] === apiKey ? [...st.sessions.values()].map(minerObject) : []),
      f_all_balance_updates: (args) =>
        args[0] === apiKey
          ? Object.fromEntries([...st.balances].map(([coin, b]) => [coin, Number(b.balance.toFixed(8))]))
          : {},
      f_all_profitability_updates: () => profitability(o.now() / 1000),
      f_all_general_updates: () => general(),
    },
  });
  const general = (): Record<string, unknown> => ({
    subscriptions_count: 4200 + st.sessions.size,
    total_hashrate_computed_onlys: {
      Scrypt: Math.round(
        COINS.reduce((n, c) => n + c.poolHps, 0) +
          [...st.sessions.values()].reduce((n, s) => n + s.hashrate, 0),
      ),
      'SHA-256': 1.2e17,
    },
  });

  const server = jsonServer((req, url, res) => {
    if (!url.pathname.startsWith('/api/v1/')) return sendText(res, 404, 'Not found', 'text/plain');
    const reply = restReply(url.pathname, url.searchParams, st, quirks, apiKey);
    if ('html' in reply) return sendText(res, reply.status, reply.html, 'text/html; charset=utf-8');
    return sendJson(res, reply.status, reply.body);
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path !== '/ws') {
      socket.destroy();
      return;
    }
    router.wss.handleUpgrade(req, socket, head, (ws) => router.wss.emit('connection', ws, req));
  });
  const url = await listenLoopback(server, o.port);

  let acc = 0;
  let sinceGeneral = 0;
  let sinceProfit = 0;
  const service: FarmService = {
    tick(now, dtSec, rigs) {
      acc += dtSec;
      sinceGeneral += dtSec;
      sinceProfit += dtSec;
      if (acc >= POOL_TICK_SEC) {
        tickPool(st, cfg, rigs, acc, rng, {
          minerDiffs: (diffs) => router.publish(`miner_update_diffs_${apiKey}`, diffs),
          balanceIncrements: (inc) => router.publish(`balance_updates_${apiKey}`, inc),
          foundBlock: (block) => router.publish('found_block_updates', [block]),
        });
        acc = 0;
      }
      if (sinceGeneral >= 30) {
        router.publish('general_updates', [general()]);
        sinceGeneral = 0;
      }
      if (sinceProfit >= 60) {
        router.publish('profitability_updates', [profitability(now / 1000)]);
        sinceProfit = 0;
      }
    },
    async close() {
      await router.close();
      await closeServer(server);
    },
  };
  return {
    info: { url, wsUrl: `${url.replace('http', 'ws')}/ws`, account: scenario.account.name, apiKey },
    service,
    quirks,
  };
}
