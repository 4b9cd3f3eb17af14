import { WebSocket } from 'ws';

import type { ServerMessage } from '../../shared/wire';

/** A minimal protocol client for tests: send raw text or objects, await the next message of a kind. */
export class TestSocket {
  readonly ws: WebSocket;
  private readonly inbox: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  readonly closed: Promise<number>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(url, { headers });
    this.ws.on('message', (data) => {
      this.inbox.push(JSON.parse(data.toString()) as ServerMessage);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => this.ws.on('close', (code) => resolve(code)));
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  async next<T extends ServerMessage['type']>(
    type: T,
    timeoutMs = 5000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const m = await this.take((msg) => msg.type === type, `no ${type} message`, timeoutMs);
    return m as Extract<ServerMessage, { type: T }>;
  }

  /** Removes and returns the first message that matches, waiting for it if need be. */
  async take(match: (m: ServerMessage) => boolean, what: string, timeoutMs = 5000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.inbox.findIndex(match);
      if (i >= 0) return this.inbox.splice(i, 1)[0] as ServerMessage;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async call(method: string, params?: unknown, id: number | string = Math.floor(Math.random() * 1e9)) {
    this.send({ type: 'call', id, method, params });
    const isReply = (m: ServerMessage) => (m.type === 'result' || m.type === 'error') && m.id === id;
    return this.take(isReply, `no reply to ${method}`);
  }

  close(): void {
    this.ws.close();
  }
}
