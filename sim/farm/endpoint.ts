// One rig's listening sockets (HTTP 80 and RPC 4028). The farm opens and closes them to follow the
// rig: on reboot or an "offline" fault both go silent, then come back on the same address.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { type Rig } from '../rig/types';
import { handleRpcConnection, type RpcDeps } from '../cgminer/socket';
import { createVnishHandler, type HandlerDeps } from '../vnish/http-handler';
import { type MinerAddress } from './addressing';

export type Endpoint = {
  address: MinerAddress;
  isOpen(): boolean;
  open(): Promise<void>;
  close(): Promise<void>;
};

function listen(server: HttpServer | NetServer, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once('error', onError);
    server.listen({ host, port, backlog: 511 }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: HttpServer | NetServer, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}

export function createEndpoint(rig: Rig, address: MinerAddress, http: HandlerDeps, rpc: RpcDeps): Endpoint {
  let httpServer: HttpServer | null = null;
  let rpcServer: NetServer | null = null;
  const sockets = new Set<Socket>();
  let open = false;
  const track = (s: Socket): void => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  };
  return {
    address,
    isOpen: () => open,
    async open() {
      if (open) return;
      open = true;
      httpServer = createHttpServer({ keepAliveTimeout: 5000 }, createVnishHandler(rig, http));
      httpServer.on('connection', track);
      rpcServer = createNetServer((socket) => {
        track(socket);
        handleRpcConnection(rig, rpc, socket);
      });
      try {
        await listen(httpServer, address.ip, address.httpPort);
        await listen(rpcServer, address.ip, address.rpcPort);
      } catch (e) {
        open = false;
        throw e;
      }
    },
    async close() {
      if (!open) return;
      open = false;
      const h = httpServer;
      const r = rpcServer;
      httpServer = null;
      rpcServer = null;
      await Promise.all([
        h ? closeServer(h, sockets) : Promise.resolve(),
        r ? closeServer(r, sockets) : Promise.resolve(),
      ]);
    },
  };
}
