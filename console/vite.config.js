import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Maven build packages target/classes, so the assets land in the jar under
// META-INF/resources/console/ (served at / by the server's ConsoleRoutes).
// `npm run dev` proxies the API of a running `./stepstream dev` on port 8083.
const api = process.env.STEPSTREAM_API || 'http://127.0.0.1:8083';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/classes/META-INF/resources/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/elkjs')) return 'elk';
          if (id.includes('node_modules/@xyflow')) return 'flow';
          if (/node_modules\/(@codemirror|@lezer|codemirror|style-mod|w3c-keyname|crelt)\//.test(id)) return 'codemirror';
          if (id.includes('node_modules/react')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '^/$': { target: api, bypass: (req) => (req.method === 'POST' ? undefined : '/index.html') },
    },
  },
});
