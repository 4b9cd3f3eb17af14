// The Antminer "IP Report" button: a UDP datagram `ip,MAC` to port 14235 (docs/vnish.md §6, BITCAP).
// The simulator only ever sends it to a loopback address.
import { createSocket } from 'node:dgram';
import { isLoopback } from './addressing';

export const IP_REPORT_PORT = 14235;

export function ipReportPayload(ip: string, mac: string): string {
  return `${ip},${mac}`;
}

export function sendIpReport(
  ip: string,
  mac: string,
  target = '127.0.0.1',
  port = IP_REPORT_PORT,
): Promise<void> {
  if (!isLoopback(target)) return Promise.reject(new Error(`IP Report only goes to loopback, not ${target}`));
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const send = () =>
      socket.send(Buffer.from(ipReportPayload(ip, mac)), port, target, (e) => {
        socket.close();
        if (e) reject(e);
        else resolve();
      });
    socket.once('error', () => {
      // The miner's own address cannot be bound (port-range mode): send from the default address instead.
      const fallback = createSocket('udp4');
      fallback.send(Buffer.from(ipReportPayload(ip, mac)), port, target, (e) => {
        fallback.close();
        if (e) reject(e);
        else resolve();
      });
    });
    // A real miner's report comes from its own address; the listener rate-limits per sender, so this matters.
    if (isLoopback(ip) && ip !== '127.0.0.1') socket.bind({ address: ip, port: 0 }, send);
    else send();
  });
}
