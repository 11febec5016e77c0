/**
 * Global test setup (`setupFiles` in angular.json): every test starts in English (the language choice is kept in
 * `localStorage`) with no session marker left in `sessionStorage` by the test before — the test files share one
 * environment. A test that wants another language or a stored session sets it in its own `beforeEach`, which runs
 * after this one.
 */
beforeEach(() => {
  localStorage.setItem('pp.lang', 'en');
  sessionStorage.clear();
});
