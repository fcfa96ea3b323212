import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../../dist/web',
    emptyOutDir: true,
    // The server's CSP allows fonts only from 'self': never inline assets as data: URIs.
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries in one long-cacheable chunk; our own code and the lazy admin pages apart from it.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](?!@utrecht|@fontsource)/ }] },
      },
    },
  },
  server: {
    // `npm run dev:web` talks to a server started separately (default port 8181).
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? '8181'}` },
  },
});
