/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The build goes straight into the launcher's static resources (gitignored), so both `./offerpulse up` and the
// Maven-built jar serve it from the classpath.
const launcherStatic = fileURLToPath(new URL('../launcher/src/main/resources/static', import.meta.url));

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: launcherStatic,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a running launcher: APIs and sockets go to it, pages come from Vite.
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
