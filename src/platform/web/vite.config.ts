import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressPlugin } from '../../../scripts/precompress-web';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  // Brotli and gzip copies of the output, which the server sends instead of compressing per request.
  plugins: [react(), precompressPlugin()],
  build: {
    outDir: '../../../dist/web',
    emptyOutDir: true,
    // The server's CSP allows fonts only from 'self': never inline assets as data: URIs.
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries in one long-cacheable chunk; our own code and the lazy admin pages apart from it.
        // Map, chart and hexagon (h3-js) libraries only load with the pages that draw them (initial JS budget,
        // DESIGN.md).
        codeSplitting: {
          groups: [
            {
              name: 'figures-vendor',
              priority: 2,
              // Their dependencies (React) stay in the shared vendor chunk.
              includeDependenciesRecursively: false,
              test: /node_modules[\\/](leaflet|h3-js|recharts|d3-[a-z-]+|victory-vendor|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|simple-statistics|es-toolkit|decimal\.js-light|internmap)[\\/]/,
            },
            { name: 'vendor', priority: 1, test: /node_modules[\\/](?!@utrecht|@fontsource)/ },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev:web` talks to a server started separately (default port 8181).
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? '8181'}` },
  },
});
