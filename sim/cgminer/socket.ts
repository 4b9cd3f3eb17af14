// TCP 4028 connection handler: one JSON request per connection, one reply ending in NUL, then close
// (docs/vnish.md §5 Framing). Network faults apply here as on port 80.
import { type Socket } from 'node:net';
import { type Rig } from '../rig/types';
import { encodeReply } from './encode';
import { errorReply, replyFor, type RpcRequest } from './replies';
import { stringNumbersFor } from './string-numbers';

export type RpcDeps = { now(): number; poolDiff: number; held: Set<Socket> };

function parseRequest(text: string): RpcRequest | 'incomplete' | 'invalid' {
  const trimmed = text.replace(/\0+$/, '').trim();
  if (trimmed === '') return 'incomplete';
  if (!trimmed.startsWith('{')) {
    // Plain-text "cmd|param" form of stock cgminer (not verified on Vnish; answered in JSON here).
    const [command = '', parameter] = trimmed.split('|');
    return parameter === undefined ? { command } : { command, parameter };
  }
  try {
    const value: unknown = JSON.parse(trimmed);
    if (
      typeof value !== 'object' ||
      value === null ||
      !('command' in value) ||
      typeof value.command !== 'string'
    )
      return 'invalid';
    const parameter =
      'parameter' in value && value.parameter !== undefined ? String(value.parameter) : undefined;
    return parameter === undefined ? { command: value.command } : { command: value.command, parameter };
  } catch {
    return 'incomplete';
  }
}

export function handleRpcConnection(rig: Rig, deps: RpcDeps, socket: Socket): void {
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  if (rig.faults.network === 'no-answer') {
    deps.held.add(socket);
    socket.once('close', () => deps.held.delete(socket));
    socket.resume();
    return;
  }
  let buf = '';
  let done = false;
  const respond = (req: RpcRequest | 'invalid'): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    const now = deps.now();
    const reply =
      req === 'invalid' ? errorReply(now, 23, 'Invalid JSON') : replyFor(rig, req, now, deps.poolDiff);
    const bytes = encodeReply(reply, {
      concatenatedObjects: rig.rpcQuirks.concatenatedObjects,
      trailingCommas: rig.rpcQuirks.trailingCommas,
      stringNumbers: stringNumbersFor(rig),
    });
    const send = (): void => {
      if (socket.destroyed) return;
      if (rig.faults.network === 'reset') {
        socket.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        setImmediate(() => socket.resetAndDestroy());
        return;
      }
      socket.end(bytes);
    };
    if (rig.faults.network === 'slow' && rig.faults.slowMs > 0) setTimeout(send, rig.faults.slowMs);
    else send();
  };
  // cgminer reads one request; if a client sends nothing parseable within a few seconds, give up.
  const timer = setTimeout(() => {
    if (!done) {
      const parsed = parseRequest(buf);
      if (parsed === 'incomplete') respond('invalid');
      else respond(parsed);
    }
  }, 3000);
  socket.on('data', (chunk: Buffer) => {
    buf += chunk.toString('utf8');
    const parsed = parseRequest(buf);
    if (parsed !== 'incomplete') respond(parsed);
  });
  socket.on('end', () => {
    const parsed = parseRequest(buf);
    respond(parsed === 'incomplete' ? 'invalid' : parsed);
  });
  socket.on('close', () => clearTimeout(timer));
}
