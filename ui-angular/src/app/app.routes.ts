import { Routes } from '@angular/router';
import { LandingPage } from './landing/landing.page';

/**
 * The landing page (where every QR code leads, ~3 KB) is in the initial bundle so its first paint does not wait for a
 * second round trip; the pay and receipt pages are lazy chunks, and Stripe.js is loaded only by the pay page in
 * `STRIPE` mode.
 */
export const routes: Routes = [
  { path: 'p/:hash', component: LandingPage },
  { path: 'p/:hash/pay', loadComponent: () => import('./pay/pay.page').then((m) => m.PayPage) },
  { path: 'p/:hash/receipt/:txId', loadComponent: () => import('./receipt/receipt.page').then((m) => m.ReceiptPage) },
  { path: '**', loadComponent: () => import('./landing/not-found').then((m) => m.NotFound) },
];
