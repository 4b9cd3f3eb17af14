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
    // What the first screen needs from more than one chunk (React, React DOM, zustand, the client, the stores)
    // goes in one chunk, not six small ones: a browser opens at most six connections to a host over HTTP/1.1,
    // so the seventh and eighth requests of the first load waited for a free one (ui_map_first_paint_ms).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'boot',
              test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]|renderer[\\/](api|stores)[\\/]|[\\/]format\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
}));
