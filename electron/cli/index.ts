import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { main } from './commands';
import { staleBundleWarning } from './freshness';

const self = fileURLToPath(import.meta.url);
// Only the bundle (dist/cli/rigdeck.js) can be stale; run from source (tsx, tests) there is nothing to check.
if (self.endsWith('.js')) {
  const warning = staleBundleWarning(self, join(dirname(self), '..', '..'));
  if (warning) console.error(warning);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
