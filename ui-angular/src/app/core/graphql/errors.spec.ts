import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { MissingDataError, errorCode, requireData } from './errors';

describe('requireData', () => {
  it('answers the data of an answer that has it', () => {
    const data = { startPayment: { paymentId: 'p1' } };
    expect(requireData({ data }, 'StartPayment')).toBe(data);
  });

  it.each([
    ['undefined', { data: undefined }],
    ['null', { data: null }],
    ['absent', {}],
  ])('throws MissingDataError, an INTERNAL failure, when data is %s', (_, result: { data?: null }) => {
    let thrown: unknown;
    try {
      requireData(result, 'StartPayment');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingDataError);
    expect((thrown as MissingDataError).message).toContain('StartPayment');
    expect(errorCode(thrown)).toBe('INTERNAL');
  });
});

describe('errorCode', () => {
  it("answers the first GraphQL error's extensions.code", () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        { message: 'too low', extensions: { code: 'AMOUNT_TOO_LOW' } },
        { message: 'other', extensions: { code: 'NOT_FOUND' } },
      ],
    });
    expect(errorCode(error)).toBe('AMOUNT_TOO_LOW');
  });

  it('answers INTERNAL for a GraphQL error without a code', () => {
    expect(errorCode(new CombinedGraphQLErrors({ errors: [{ message: 'no code' }] }))).toBe('INTERNAL');
  });

  it('answers NETWORK when the server could not be reached', () => {
    expect(errorCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
  });
});
