import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one static bundle that both faces load: the desktop app from its app:// protocol and the
// headless server over HTTP. Relative asset URLs (base './') make the same build work in both.
// Source maps only in development builds (`vite build --mode development`): a production bundle must not ship
// the whole source (2.6 MB) to every browser that asks, and the static route refuses .map files anyway.
export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: mode === 'development',
    target: 'es2022',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
}));
