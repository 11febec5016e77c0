import {
  ApplicationConfig,
  DOCUMENT,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withPreloading } from '@angular/router';
import { routes } from './app.routes';
import { provideGraphQL } from './core/graphql/apollo.config';
import { IdlePreload } from './core/idle-preload';
import { HouseholdRequest } from './pay/household-request';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding(), withPreloading(IdlePreload)),
    provideGraphQL(),
    // Opened on the pay page: its household request runs while the app boots (see HouseholdRequest).
    provideAppInitializer(() => {
      inject(HouseholdRequest).startEarly(inject(DOCUMENT).location.pathname);
    }),
  ],
};
