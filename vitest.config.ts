import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/{unit,integration,sim}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'tests/e2e/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // electron-store imports 'electron'; inlining it lets the glue tests' vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
