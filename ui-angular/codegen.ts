import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the SPA, generated from the one GraphQL contract at the repository root.
 * `npm run codegen` runs before `build`, `start` and `test`; the output is committed so editors see it,
 * but it is never edited by hand.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: '../schema.graphqls',
  documents: 'src/app/**/*.graphql',
  generates: {
    // All schema types (for example `ErrorCode`, documented as an enum for clients but never a field).
    'src/app/core/graphql/schema-types.ts': {
      plugins: ['typescript'],
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { ID: 'string' } },
    },
    // Operation result/variable types and one injectable service per operation.
    'src/app/core/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typescript-apollo-angular'],
      config: {
        addExplicitOverride: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: false,
        scalars: { ID: 'string' },
      },
    },
  },
};
export default config;
