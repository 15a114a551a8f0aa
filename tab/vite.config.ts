import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The tab is served by the app server at /tab/ (see bot/http); `npm run build` writes tab/dist.
export default defineConfig({
  root,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        tab: fileURLToPath(new URL('index.html', import.meta.url)),
        config: fileURLToPath(new URL('config.html', import.meta.url)),
      },
    },
  },
  server: {
    // Local development: the API is the app server (PORT, default 3978, unless TAB_API_TARGET says otherwise).
    proxy: { '/api': process.env.TAB_API_TARGET ?? 'http://localhost:3978' },
  },
});
