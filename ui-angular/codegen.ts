import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the SPA, generated from the one GraphQL contract at the repository root.
 * `npm run codegen` runs before `build`, `start` and `test`; the output is committed so editors see it,
 * but it is never edited by hand.
 */
/** How both operation files are written (the patient's pages and the practice console's). */
const operationsConfig = {
  addExplicitOverride: true,
  // Documents as pre-parsed ASTs: no GraphQL parser in the browser bundle.
  documentMode: 'documentNode',
  enumsAsTypes: true,
  useTypeImports: true,
  avoidOptionals: false,
  scalars: { ID: 'string' },
};

const config: CodegenConfig = {
  overwrite: true,
  schema: '../schema.graphqls',
  generates: {
    // All schema types (for example `ErrorCode`, documented as an enum for clients but never a field).
    'src/app/core/graphql/schema-types.ts': {
      plugins: ['typescript'],
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { ID: 'string' } },
    },
    // Operation result/variable types and one injectable service per operation (the patient's pages).
    'src/app/core/graphql/generated.ts': {
      documents: ['src/app/**/*.graphql', '!src/app/console/**'],
      plugins: ['typescript-operations', 'typescript-apollo-angular'],
      config: operationsConfig,
    },
    // The practice console's operations in their own file, so they end up in the console's lazy chunks only.
    'src/app/console/graphql/generated.ts': {
      documents: ['src/app/console/**/*.graphql'],
      plugins: ['typescript-operations', 'typescript-apollo-angular'],
      config: {
        ...operationsConfig,
        importSchemaTypesFrom: 'src/app/core/graphql/schema-types.ts',
        namespacedImportName: 'Types',
      },
    },
  },
};
export default config;
