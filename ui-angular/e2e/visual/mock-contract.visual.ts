import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, buildSchema, execute, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { createMockApi } from '../../src/testing/mock-api';

/**
 * The one GraphQL mock follows the contract: every console operation the SPA sends is answered by the mock with data
 * that graphql-js accepts for that operation against `schema.graphqls` (non-null fields present, enum values and
 * scalars valid). When the schema changes, this fails until the mock follows. No browser needed.
 */
const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.graphqls'), 'utf8'));
const document = parse(readFileSync(join(__dirname, '../../src/app/console/graphql/console.graphql'), 'utf8'));

const operations = document.definitions.filter(
  (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
);
/** An operation's name; the console's operations are all named (the mock and the metrics go by it). */
const nameOf = (operation: OperationDefinitionNode): string => {
  if (operation.name === undefined) {
    throw new Error('console.graphql has an anonymous operation');
  }
  return operation.name.value;
};
const P = 'pr-K7MX4Q';
const VARIABLES: Record<string, Record<string, unknown>> = {
  StaffSignIn: { email: 'admin@brightsmiles.example', password: 'correct-horse-battery', otp: '246810' },
  StaffSignOut: {},
  ConsoleMe: {},
  ConsolePayments: { practiceId: P, filter: { statuses: ['SUCCEEDED', 'REFUNDED'] }, first: 10 },
  ConsolePaymentsCsv: { practiceId: P, filter: { accountNumber: '500000' } },
  ConsolePayment: { practiceId: P, transactionId: 'TX-SK70006' },
  ConsoleReceiptPdf: { practiceId: P, transactionId: 'TX-SK70001', locale: 'es' },
  ConsoleRefundPayment: { transactionId: 'TX-SK70001', amountCents: 100, reason: 'DUPLICATE', idempotencyKey: 'k' },
  ConsoleReceiptBranding: { practiceId: P },
  ConsoleSaveBrandingDraft: { practiceId: P, input: { signatureText: 'Thanks', footerText: 'Footer' } },
  ConsolePublishBranding: { practiceId: P },
  ConsolePreviewBranding: { practiceId: P, transactionId: null, locale: 'en' },
  ConsoleRoi: { practiceId: P, from: '2026-01-01', to: '2026-12-31', locationId: null },
  ConsoleStatementLink: { practiceId: P, accountNumber: '100234' },
  ConsoleStatementLinksExport: { practiceId: P, accountNumbers: ['100234', '100235'], format: 'PNG' },
  ConsoleEmailPaymentLink: { practiceId: P, accountNumber: '100234', email: 'a@example.com' },
  ConsoleOperations: {},
  ConsoleReplayDeadLetters: { max: 2 },
  ConsoleRunReconciliation: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
};

test('the console operations are valid against the schema', () => {
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  expect(operations.map(nameOf).sort()).toEqual(Object.keys(VARIABLES).sort());
});

for (const operation of operations) {
  const name = nameOf(operation);
  test(`the mock answers ${name} as the schema types it`, async () => {
    const api = createMockApi();
    const admin = api.console.signInStaff('admin@brightsmiles.example');
    const support = api.console.signInStaff('support@pmsvendor.example');
    const staff = /Operations|ReplayDeadLetters|RunReconciliation/.test(name) ? support : admin;
    if (name === 'ConsolePublishBranding') {
      api.handle(
        { operationName: 'ConsoleSaveBrandingDraft', variables: VARIABLES.ConsoleSaveBrandingDraft },
        null,
        staff,
      );
    }
    const answer = api.handle({ operationName: name, variables: VARIABLES[name] }, null, staff).json as {
      data?: unknown;
      errors?: unknown[];
    };
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const single: DocumentNode = {
      ...document,
      definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation),
    };
    const result = await execute({ schema, document: single, rootValue: answer.data, variableValues: VARIABLES[name] });
    expect(result.errors?.map((e) => `${e.path?.join('.') ?? '(no path)'}: ${e.message}`) ?? []).toEqual([]);
  });
}
