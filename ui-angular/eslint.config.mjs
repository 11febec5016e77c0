// @ts-check
// ESLint for the SPA: typescript-eslint's strict type-checked and stylistic rules and angular-eslint (component and
// directive rules, template rules and the template accessibility rules). Every TypeScript file and HTML template under
// `src/` is linted, whatever feature folder it lives in (a new lazy area needs no change here), and the Playwright
// suites under `e2e/`. `npm run lint` (part of `make lint`, hence `make test`) must report zero. A rule is disabled
// only on a line, with the reason: `// eslint-disable-next-line <rule> -- <why>`.
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import eslint from '@eslint/js';
import angular from 'angular-eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      // Written by `npm run codegen` from ../schema.graphqls; never edited by hand.
      'src/app/core/graphql/generated.ts',
      'src/app/core/graphql/schema-types.ts',
      'src/app/console/graphql/generated.ts',
      'dist/**',
      '.angular/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    files: ['src/**/*.ts', 'e2e/**/*.ts'],
    extends: [
      comments.recommended,
      eslint.configs.recommended,
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
      angular.configs.tsRecommended,
    ],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    // Inline templates (`template:`) are linted by the HTML block below too.
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'app', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'app', style: 'camelCase' }],
      // A promise nobody awaits loses its error (a failed navigation, a failed mutation): handle it or mark it `void`
      // where dropping the result is the intent. Part of strictTypeChecked; listed so nobody turns it off by accident.
      '@typescript-eslint/no-floating-promises': 'error',
      // A disable comment names its rule and says why (`-- reason`); a whole-file disable is not allowed.
      '@eslint-community/eslint-comments/require-description': 'error',
      '@eslint-community/eslint-comments/no-use': [
        'error',
        { allow: ['eslint-disable-next-line', 'eslint-disable-line'] },
      ],
      // No truthiness on numbers (0 cents is an amount, not "absent") or on nullable strings, numbers and booleans
      // (is "" absent? is null false?): the condition says what is meant.
      '@typescript-eslint/strict-boolean-expressions': ['error', { allowNumber: false }],
    },
  },
  {
    files: ['src/**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
  },
);
