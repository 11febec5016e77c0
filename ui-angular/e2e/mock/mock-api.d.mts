export interface MockResult {
  json: unknown;
  account: string | null;
}
export function createMockApi(options?: { provider?: 'SIMULATED' | 'STRIPE' }): {
  handle(body: unknown, account: string | null): MockResult;
  mail: unknown[];
};
export const MOCK_PDF: Buffer;
