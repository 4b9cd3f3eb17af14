/**
 * A miner that starts honest and then answers garbage: an HTTP front on loopback that forwards to one of the
 * farm's Vnish rigs (so RigDeck identifies and registers it), until `turn()` makes every reply junk — random
 * bytes, cut-off JSON, an HTML page, a lying Content-Length, or a socket closed mid-reply.
 */
import { createServer, request, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

export type GarbageMiner = { port: number; turn(): void; replies(): number; close(): Promise<void> };

const JUNK: Array<(n: number) => { type: string; body: Buffer | string } | 'hangup'> = [
  (n) => ({
    type: 'application/json',
    body: Buffer.from(Array.from({ length: 64 + (n % 512) }, (_, i) => (i * 31 + n) % 256)),
  }),
  () => ({ type: 'application/json', body: '{"miner":{"hr_realtime":12.5,"chains":[{"id":1,"hashr' }),
  () => ({ type: 'text/html', body: '<!DOCTYPE html><html><body>Vnish</body></html>' }),
  () => ({ type: 'application/json', body: '{"miner": nan, "status": {"miner_state": 7}}\0\0' }),
  () => 'hangup',
];

export async function startGarbageMiner(target: { ip: string; port: number }): Promise<GarbageMiner> {
  let garbage = false;
  let served = 0;
  const server: Server = createServer((req, res) => {
    served++;
    if (!garbage) {
      const upstream = request(
        { host: target.ip, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
      return;
    }
    const pick = JUNK[served % JUNK.length];
    const reply = pick ? pick(served) : 'hangup';
    if (reply === 'hangup') {
      res.socket?.destroy();
      return;
    }
    // Every second junk reply claims more bytes than it sends.
    const length = Buffer.byteLength(reply.body) + (served % 2 === 0 ? 100 : 0);
    res.writeHead(200, { 'content-type': reply.type, 'content-length': length });
    res.end(reply.body);
    if (served % 2 === 0) res.socket?.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    turn: () => void (garbage = true),
    replies: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
