import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm start` builds into web/dist, which the server serves at /. For development,
// `npx vite --config web/vite.config.ts` serves the app and sends /api to a running server.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env['AMNESTIA_API'] ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
