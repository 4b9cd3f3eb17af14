// The firmware upload's multipart frame, read back by the same parser the virtual miner uses (busboy): the
// file arrives byte for byte, keep_settings as its string, and a hostile file name cannot break the header.
import { describe, expect, it } from 'vitest';

import { multipartFrame } from '../../../../../electron/miners/vnish/multipart';
import { parseMultipart } from '../../../../../sim/vnish/multipart';

describe('multipartFrame', () => {
  it('frames one file and string fields so a multipart parser reads them back', async () => {
    const file = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff));
    const frame = multipartFrame({ keep_settings: 'false' }, { field: 'file', name: 'l7\r\n"x".tar.gz' });
    const body = Buffer.concat([frame.head, file, frame.tail]);
    const form = await parseMultipart({ 'content-type': frame.contentType }, body);
    expect(form.fields).toEqual({ keep_settings: 'false' });
    expect(form.files['file']?.filename).toBe('l7___x_.tar.gz');
    expect(form.files['file']?.data.equals(file)).toBe(true);
  });
});
