// Devices that are not Vnish, so identification can be tested (docs/vnish.md §6 fingerprints): a stock
// Bitmain (401 Digest realm "antMiner Configuration"), Braiins OS, and a Whatsminer-like box.
import { type Reply, text } from '../vnish/reply';
import { type Rig } from '../rig/types';

const BRAIINS_HTML = `<!DOCTYPE html><html><head><title>Braiins OS</title></head>
<body><div id="root">Braiins OS</div></body></html>
`;

const WHATSMINER_HTML = `<html><head><meta http-equiv="refresh" content="0; URL=/cgi-bin/luci"></head>
<body><a href="/cgi-bin/luci">LuCI - Lua Configuration Interface</a></body></html>
`;

export function impostorReply(rig: Rig, _method: string, path: string): Reply {
  switch (rig.kind) {
    case 'stock-bitmain':
      return {
        status: 401,
        kind: 'text',
        body: '<html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
        contentType: 'text/html',
        headers: {
          'www-authenticate': `Digest realm="antMiner Configuration", nonce="${Buffer.from(rig.serial).toString('hex')}", qop="auth"`,
        },
      };
    case 'braiins':
      return text(BRAIINS_HTML, 'text/html; charset=utf-8');
    case 'whatsminer':
      if (path.startsWith('/cgi-bin/luci')) return text(WHATSMINER_HTML, 'text/html; charset=utf-8');
      // Whatsminer answers plain HTTP with a 307 to https plus "/cgi-bin/luci".
      return {
        status: 307,
        kind: 'text',
        body: WHATSMINER_HTML,
        contentType: 'text/html',
        headers: { location: `https://${rig.ip}/cgi-bin/luci` },
      };
    case 'vnish':
      return text('', 'text/plain', 404);
  }
}
