import { Injectable } from '@angular/core';
import { PreloadingStrategy, Route } from '@angular/router';
import { EMPTY, Observable, switchMap, timer } from 'rxjs';

/**
 * Fetches the other pages' chunks a little after the first page is up, so that sign-in → pay → receipt navigate
 * without waiting, while the first paint on a slow phone does not compete with evaluating code it does not need.
 * Routes with `data: { preload: false }` (the practice console) load only when visited.
 */
@Injectable({ providedIn: 'root' })
export class IdlePreload implements PreloadingStrategy {
  preload(route: Route, load: () => Observable<unknown>): Observable<unknown> {
    return route.data?.['preload'] === false ? EMPTY : timer(2000).pipe(switchMap(() => load()));
  }
}
