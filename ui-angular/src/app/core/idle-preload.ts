import { Injectable } from '@angular/core';
import { PreloadingStrategy, Route } from '@angular/router';
import { Observable, switchMap, timer } from 'rxjs';

/**
 * Fetches the other pages' chunks a little after the first page is up, so that sign-in → pay → receipt navigate
 * without waiting, while the first paint on a slow phone does not compete with evaluating code it does not need.
 */
@Injectable({ providedIn: 'root' })
export class IdlePreload implements PreloadingStrategy {
  preload(_route: Route, load: () => Observable<unknown>): Observable<unknown> {
    return timer(2000).pipe(switchMap(() => load()));
  }
}
