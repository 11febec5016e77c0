import { Routes } from '@angular/router';
import { LandingPage } from './landing/landing.page';
import { PayPage } from './pay/pay.page';

/**
 * The landing page (where every QR code leads) and the pay page (where a signed-in patient lands, and lands again on
 * a reload) are in the initial bundle (~10 KB gzip together), so their first paint does not wait for chunk round trips
 * — for the pay page, the household request then starts as soon as the app boots. The receipt page is a lazy chunk,
 * and Stripe.js is loaded only by the pay page in `STRIPE` mode. The practice console (`/console`) is lazy chunks of its
 * own, never preloaded for patients.
 */
export const routes: Routes = [
  { path: 'p/:hash', component: LandingPage },
  { path: 'p/:hash/pay', component: PayPage },
  { path: 'p/:hash/receipt/:txId', loadComponent: () => import('./receipt/receipt.page').then((m) => m.ReceiptPage) },
  {
    path: 'console',
    loadChildren: () => import('./console/console.routes').then((m) => m.CONSOLE_ROUTES),
    data: { preload: false },
  },
  { path: '**', loadComponent: () => import('./landing/not-found').then((m) => m.NotFound) },
];
