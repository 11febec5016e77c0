// Loads the browser's `Intl` locale data for the pages that open on amounts (the pay and receipt pages), before the
// app's main bundle runs. The first `Intl.NumberFormat` / `Intl.DateTimeFormat` of a page costs 130–400 ms on a
// phone (measured at a 4× CPU slowdown: V8 loads its ICU locale data once per page), and the pay page cannot show a
// balance without it. A classic deferred script (angular.json "scripts", listed before main.js): it runs as soon as
// the HTML is parsed, while the much larger main bundle is still downloading and compiling off the main thread, so
// that cost is paid in time the page spends waiting anyway instead of between the household answer and its first
// paint. The app keeps its own formatters (money.pipe.ts, date.pipe.ts); building them afterwards takes ~1 ms.
// Other pages (the landing page, the console) show no amounts first and skip this. Plain JavaScript: it must not
// import anything, or it would pull the app's code into a second bundle.
(function () {
  if (!/^\/p\/[^/]+\/(pay\/?$|receipt\/)/.test(location.pathname)) {
    return;
  }
  // The same locale choice as I18n (src/app/core/i18n/i18n.ts): a saved choice, else the browser's languages.
  var lang = 'en';
  try {
    var saved = localStorage.getItem('pp.lang');
    if (saved === 'en' || saved === 'es') {
      lang = saved;
    } else {
      var preferred = navigator.languages || [];
      for (var i = 0; i < preferred.length; i++) {
        var base = preferred[i].toLowerCase().slice(0, 2);
        if (base === 'en' || base === 'es') {
          lang = base;
          break;
        }
      }
    }
  } catch (e) {
    // Storage disabled: the browser's default locale data is as good a warm-up.
  }
  var locale = lang === 'es' ? 'es-US' : 'en-US';
  try {
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(0);
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(0);
  } catch (e) {
    // No Intl: the app formats as well as it can without it; nothing to warm.
  }
})();
