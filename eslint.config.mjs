// Lint: typescript-eslint, plus the architecture rule of docs/architecture.md —
// the core (services/) depends on nothing at the edge: no bot/, cards/, storage/, no chat or cloud SDK.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const edgeSdks = ['botbuilder*', '@microsoft/*', '@slack/*', '@azure/*', 'better-sqlite3', 'express', 'pino', 'adaptivecards*', 'nock'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/bot/**', '**/bot', '**/cards/**', '**/cards', '**/storage/**', '**/storage'], message: 'services/ is the core: it must not import from bot/, cards/ or storage/ (declare a port instead).' },
          { group: edgeSdks, message: 'services/ must not import a chat, cloud or storage SDK (use a port).' },
        ],
      }],
    },
  },
  {
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/bot/**', '**/storage/**'], message: 'cards/ may depend on services/ (types) only.' },
        ],
      }],
    },
  },
  {
    files: ['storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/bot/**', '**/cards/**'], message: 'storage/ implements ports from services/ and knows nothing of the chat edge.' }],
      }],
    },
  },
);
