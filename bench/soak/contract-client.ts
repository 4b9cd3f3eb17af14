/** A small client of the headless face's contract over its WebSocket, as the browser UI talks to it. */
import { WebSocket } from 'ws';

import { type RpcErrorShape } from '../../shared/errors';

export type CallResult = { ok: true; value: unknown } | { ok: false; error: RpcErrorShape };

export type ContractClient = {
  call(method: string, params?: unknown, timeoutMs?: number): Promise<CallResult>;
  close(): void;
};

type Reply = { type: string; id?: unknown; result?: unknown; error?: RpcErrorShape };

export async function connectContract(port: number): Promise<ContractClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  const waiting = new Map<number, (r: CallResult) => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as Reply;
    if (typeof msg.id !== 'number') return;
    const done = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.type === 'result') done?.({ ok: true, value: msg.result });
    else if (msg.type === 'error' && msg.error) done?.({ ok: false, error: msg.error });
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  return {
    call(method, params, timeoutMs = 120_000) {
      const id = nextId++;
      return new Promise<CallResult>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve({
            ok: false,
            error: { code: 'internal', message: `${method}: no reply in ${timeoutMs} ms` },
          });
        }, timeoutMs);
        waiting.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        ws.send(JSON.stringify({ type: 'call', id, method, params }));
      });
    },
    close: () => ws.close(),
  };
}
