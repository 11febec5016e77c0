import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';
import { SessionTimer } from './session-timer';

/**
 * Tells the session timer about every GraphQL answer (each renews the server's idle timeout) and the server's clock
 * (`Date` header). Other requests pass untouched.
 */
export const sessionActivity: HttpInterceptorFn = (req, next) => {
  if (!req.url.endsWith('/graphql')) {
    return next(req);
  }
  const timer = inject(SessionTimer);
  const sentAt = Date.now();
  const operationName = (req.body as { operationName?: string } | null)?.operationName ?? null;
  return next(req).pipe(
    tap((event) => {
      if (event instanceof HttpResponse) {
        timer.observed(operationName, sentAt, Date.now(), event.headers.get('Date'));
      }
    }),
  );
};
