// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Only the IPC adapter talks to Tauri; everything else goes through `src/ipc`. */
const tauriOnlyInIpc = {
  regex: '^@tauri-apps/',
  message: 'Only files under src/ipc/ may import @tauri-apps/*: use the typed functions from src/ipc.',
};

export default defineConfig(
  { ignores: ['dist', 'node_modules', 'src/ipc/bindings'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.strict, reactHooks.configs.flat.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
    },
    rules: {
      'no-restricted-imports': ['error', { patterns: [tauriOnlyInIpc] }],
    },
  },
  {
    // Component tests mock the IPC boundary with Tauri's own mockIPC, and nothing else from Tauri.
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ ...tauriOnlyInIpc, regex: '^@tauri-apps/(?!api/mocks$)' }] },
      ],
    },
  },
  {
    files: ['src/ipc/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
