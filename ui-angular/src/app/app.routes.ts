import { Routes } from '@angular/router';

/** Every page is its own lazy chunk: a phone on a slow network downloads only the page it opens. */
export const routes: Routes = [
  { path: 'p/:hash', loadComponent: () => import('./landing/landing.page').then((m) => m.LandingPage) },
  { path: 'p/:hash/pay', loadComponent: () => import('./pay/pay.page').then((m) => m.PayPage) },
  { path: 'p/:hash/receipt/:txId', loadComponent: () => import('./receipt/receipt.page').then((m) => m.ReceiptPage) },
  { path: '**', loadComponent: () => import('./landing/not-found').then((m) => m.NotFound) },
];
