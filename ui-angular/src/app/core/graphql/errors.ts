import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ErrorCode } from './schema-types';
import type { MessageKey } from '../i18n/messages.en';

/** What went wrong with a call, as far as the patient-facing code cares: a contract error code, or the network. */
export type CallFailure = ErrorCode | 'NETWORK';

/** The contract's `extensions.code` of the first GraphQL error, `NETWORK` when the server could not be reached. */
export function errorCode(error: unknown): CallFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.['code'];
    return typeof code === 'string' ? (code as ErrorCode) : 'INTERNAL';
  }
  return 'NETWORK';
}

/** The patient-facing message key for a failure. */
export function errorKey(failure: CallFailure): MessageKey {
  return `error.${failure}`;
}

/**
 * True for the practice console's operations (named `Staff…` or `Console…`): they run on the staff session, which is
 * independent of the patient's, so their answers neither end nor renew the patient session.
 */
export function isStaffOperation(operationName: string | null | undefined): boolean {
  return /^(Staff|Console)[A-Z]/.test(operationName ?? '');
}
