/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Tauri shell loads `dist/` in production and this dev server (port 1420) in development.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    // nhsuk-frontend's compiled CSS is already minified and still carries Internet Explorer hacks
    // (`@media screen\0`) that Vite's CSS minifier (lightningcss) rejects; the app is local, so
    // ship the CSS as NHS.UK frontend built it.
    cssMinify: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Moments are shown in the computer's time zone: tests run in the practices' own.
    env: { TZ: 'Europe/London' },
  },
});
