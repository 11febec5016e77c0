import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Routes } from '@angular/router';
import { ConsoleShell } from './shell/console-shell';
import { StaffSession } from './core/staff-session';

/**
 * Pages behind a staff session: without one, the sign-in page (and back here after it). The session is asked once
 * per sign-in (`console { me practices }`); a later `UNAUTHENTICATED` answer ends it wherever it comes from.
 */
export const staffGuard: CanActivateFn = async (_route, state) => {
  const session = inject(StaffSession);
  const router = inject(Router);
  if (session.me() !== null) {
    return true;
  }
  try {
    if (await session.load()) {
      return true;
    }
  } catch {
    // Cannot reach the server: the sign-in page says so when it is tried.
  }
  session.rememberReturn(state.url);
  return router.parseUrl('/console/sign-in');
};

/**
 * `/console/…`: the practice console, lazy chunks apart from the patient's pages (each page its own chunk; the chart
 * library only in the ROI page's). Practice pages are `/console/<practiceId>/<section>`.
 */
export const CONSOLE_ROUTES: Routes = [
  { path: 'sign-in', loadComponent: () => import('./sign-in/staff-sign-in.page').then((m) => m.StaffSignInPage) },
  {
    path: '',
    component: ConsoleShell,
    canActivate: [staffGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./practices/practices.page').then((m) => m.PracticesPage),
      },
      { path: 'operations', loadComponent: () => import('./operations/operations.page').then((m) => m.OperationsPage) },
      { path: ':practiceId', pathMatch: 'full', redirectTo: ':practiceId/payments' },
      {
        path: ':practiceId/payments',
        loadComponent: () => import('./payments/payments.page').then((m) => m.PaymentsPage),
      },
      {
        path: ':practiceId/payments/:transactionId',
        loadComponent: () => import('./payments/payment-detail.page').then((m) => m.PaymentDetailPage),
      },
      {
        path: ':practiceId/branding',
        loadComponent: () => import('./branding/branding.page').then((m) => m.BrandingPage),
      },
      { path: ':practiceId/roi', loadComponent: () => import('./roi/roi.page').then((m) => m.RoiPage) },
      {
        path: ':practiceId/statements',
        loadComponent: () => import('./statements/statements.page').then((m) => m.StatementsPage),
      },
    ],
  },
];
