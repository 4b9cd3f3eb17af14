// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createStatsFile, type StatsLine } from '../../../../electron/cli/stats-file';
import { tempDir } from '../../../helpers/core';

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as StatsLine);

describe('serve --stats-file', () => {
  it('writes a line at start and at stop, each with what the collector reported since the line before', () => {
    const file = join(tempDir(), 'stats.jsonl');
    const stats = createStatsFile(file, 60_000);
    const scheduler = { rigs: 3, inFlight: 1, queued: 0 };
    stats.start(() => scheduler);
    stats.observer.polled(12.4, 'answered');
    stats.observer.polled(5000, 'missed');
    stats.observer.sampled(false);
    stats.observer.sampled(true);
    stats.stop();

    const [first, last] = lines(file);
    expect(first).toMatchObject({ pollMs: [], answered: 0, sampled: 0, replaced: 0, scheduler });
    expect(last).toMatchObject({ pollMs: [12, 5000], answered: 1, sampled: 2, replaced: 1, scheduler });
    expect(last?.rssBytes).toBeGreaterThan(0);
    expect(last?.heapUsedBytes).toBeGreaterThan(0);
  });
});
