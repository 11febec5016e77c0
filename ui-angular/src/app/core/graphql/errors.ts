import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ErrorCode } from './schema-types';
import type { MessageKey } from '../i18n/messages.en';

/** What went wrong with a call, as far as the patient-facing code cares: a contract error code, or the network. */
export type CallFailure = ErrorCode | 'NETWORK';

/** The contract's `extensions.code` of the first GraphQL error, `NETWORK` when the server could not be reached. */
export function errorCode(error: unknown): CallFailure {
  if (error instanceof MissingDataError) {
    return 'INTERNAL';
  }
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

/** The server answered an operation without `data` and without errors: its fault, never the network's. */
export class MissingDataError extends Error {
  constructor(readonly operation: string) {
    super(`GraphQL answer to ${operation} without data`);
    this.name = 'MissingDataError';
  }
}

/**
 * The `data` of an answer that must carry it. With the default error policy apollo-angular throws GraphQL and network
 * errors itself, so an answer that still lacks `data` is a server fault: throws `MissingDataError`, which `errorCode`
 * maps to `INTERNAL` (not `NETWORK`: the server was reached). `operation` names the operation in the error message.
 */
export function requireData<T>(result: { data?: T | null }, operation: string): T {
  const { data } = result;
  if (data === null || data === undefined) {
    throw new MissingDataError(operation);
  }
  return data;
}

/**
 * True for the practice console's operations (named `Staff…` or `Console…`): they run on the staff session, which is
 * independent of the patient's, so their answers neither end nor renew the patient session.
 */
export function isStaffOperation(operationName: string | null | undefined): boolean {
  return /^(Staff|Console)[A-Z]/.test(operationName ?? '');
}
