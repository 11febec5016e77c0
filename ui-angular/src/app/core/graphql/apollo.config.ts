import { EnvironmentProviders, Injector, Provider, inject } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { ApolloLink, InMemoryCache } from '@apollo/client/core';
import { ErrorLink } from '@apollo/client/link/error';
import { errorCode, isStaffOperation } from './errors';
import { Session } from '../session/session';
import { sessionActivity } from '../session/session-activity';

/**
 * The one GraphQL client. Same origin (`/graphql`) so the BFF's HttpOnly session cookie travels with every request
 * and the SPA never handles a token. Queries bypass the cache (`no-cache`): balances change with every payment, a
 * stale cache would show the patient wrong numbers, and skipping normalization is cheaper on slow phones.
 */
export function provideGraphQL(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([sessionActivity])),
    provideApollo(() => {
      const httpLink = inject(HttpLink);
      // Resolved lazily: Session itself uses the Apollo client (a constructor-time inject would be circular).
      const injector = inject(Injector);
      // The practice console's operations (`Staff…`, `Console…`) have their own session and handle its end themselves.
      const sessionEnded = new ErrorLink(({ error, operation }) => {
        if (errorCode(error) === 'UNAUTHENTICATED' && !isStaffOperation(operation.operationName)) {
          injector.get(Session).ended();
        }
      });
      return {
        link: ApolloLink.from([sessionEnded, httpLink.create({ uri: '/graphql', withCredentials: true })]),
        cache: new InMemoryCache(),
        defaultOptions: {
          query: { fetchPolicy: 'no-cache' },
          watchQuery: { fetchPolicy: 'network-only' },
        },
      };
    }),
  ];
}
