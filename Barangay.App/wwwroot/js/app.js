// Small helpers the Blazor components call through IJSRuntime.
window.barangay = {
  // Submits a plain form (sign-out must be a POST with its antiforgery token, outside any popover).
  submitForm: function (id) {
    var f = document.getElementById(id);
    if (f) { f.requestSubmit ? f.requestSubmit() : f.submit(); }
  },
  // Whether the menu drawer sits beside the page (MudBlazor's md breakpoint), asked by MainLayout's menu button once.
  isWideScreen: function () { return window.matchMedia('(min-width: 960px)').matches; }
};

// Skip links (data-skip-to="id"): move focus to the target itself. A plain "#id" link would resolve against
// <base href="/"> and Blazor's router would take it to the home page; caught in the capture phase, before the router.
window.addEventListener('click', function (e) {
  var link = e.target && e.target.closest ? e.target.closest('a[data-skip-to]') : null;
  if (!link) return;
  var target = document.getElementById(link.getAttribute('data-skip-to'));
  if (!target) return;
  e.preventDefault();
  e.stopPropagation();
  target.focus();
  target.scrollIntoView();
}, true);

// A table too wide for the screen scrolls inside its container; a keyboard can scroll it only if the container can
// take focus (WCAG 2.1.1). Every MudBlazor table container gets a tab stop while, and only while, it overflows.
(function () {
  var pending = false;
  function mark() {
    pending = false;
    document.querySelectorAll('.mud-table-container').forEach(function (c) {
      var overflows = c.scrollWidth > c.clientWidth + 1;
      if (overflows && !c.hasAttribute('tabindex')) {
        c.setAttribute('tabindex', '0');
        c.setAttribute('role', 'region');
        c.setAttribute('aria-label', 'Table, scrolls sideways');
        c.setAttribute('data-scroll-focus', '');
      } else if (!overflows && c.hasAttribute('data-scroll-focus')) {
        c.removeAttribute('tabindex'); c.removeAttribute('role'); c.removeAttribute('aria-label'); c.removeAttribute('data-scroll-focus');
      }
    });
  }
  function schedule() { if (!pending) { pending = true; requestAnimationFrame(mark); } }
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
})();

// After a page change the new page's h1 takes the focus (WCAG 2.4.3), so a screen reader starts on the new page's name
// and Tab continues from there. Until the user moves the focus (a key, a tap, or focus put elsewhere by the page), the
// first h1 the new page shows takes it, also when it shows late (a page that loads its data first) or is drawn again
// (the interactive render replaces the prerendered one). This replaces Blazor's FocusOnNavigate: it focused the h1 only
// once the server heard the page was drawn, a network round trip later, and on a slow link pulled the keyboard back to
// the h1 after the user had already pressed Tab (the keyboard walk caught it).
(function () {
  var path = null, waiting = false, before = null, since = 0;
  function check() {
    if (location.pathname !== path) {
      path = location.pathname; waiting = true; before = document.activeElement; since = Date.now();
    }
    if (!waiting) return;
    if (Date.now() - since > 10000) { waiting = false; return; }
    var active = document.activeElement;
    if (active && active.tagName === 'H1' && active.isConnected) return; // on it; a re-render may still replace it
    var untouched = !active || active === document.body || active === before || !active.isConnected;
    if (!untouched) { waiting = false; return; }
    var h1 = document.querySelector('main h1') || document.querySelector('h1');
    if (!h1) return;
    if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: true });
  }
  new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('popstate', check);
  // A key or a tap on the new page is the user moving on: nothing takes the focus from them after that.
  function movedOn() { if (waiting && location.pathname === path) waiting = false; }
  document.addEventListener('keydown', movedOn, true);
  document.addEventListener('pointerdown', movedOn, true);
  check();
})();

// A select (MudSelect) whose items have their own content shows the chosen one in a display element: on a choice its
// text field turns into a hidden input and the display element takes its place (and back when it is cleared). The
// keyboard's focus was on the field that went away, so it fell to the document and the next Tab started again from
// the top of the page (WCAG 2.4.3). When the focused part of a select stops being focusable, the part that replaced
// it takes the focus; nothing happens when the focus has already moved elsewhere.
(function () {
  var last = null;
  document.addEventListener('focusin', function (e) { last = e.target; }, true);
  function focusable(el) {
    return el.isConnected && !(el.tagName === 'INPUT' && el.type === 'hidden') && el.tabIndex >= 0
      && !el.disabled && el.getClientRects().length > 0;
  }
  new MutationObserver(function () {
    var active = document.activeElement;
    if (!last || (active && active !== document.body && active !== last)) return;
    var control = last.isConnected && last.closest('.mud-select');
    if (!control || focusable(last)) return;
    var next = Array.prototype.find.call(control.querySelectorAll('input, [tabindex]'), focusable);
    if (next) next.focus({ preventScroll: true });
  }).observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['type', 'style', 'tabindex'] });
})();

// The phone's or computer's light/dark preference for the live layout (issue 29: replaces MudThemeProvider's watch,
// which kept a theme of its own in every circuit). Answers the preference now and tells the layout when it changes;
// a new circuit on the same page (a resumed one) takes the place of the old listener.
window.barangayTheme = {
  watchDarkMode: function (layout) {
    var query = window.matchMedia('(prefers-color-scheme: dark)');
    if (this._listener) query.removeEventListener('change', this._listener);
    this._listener = function (e) { layout.invokeMethodAsync('SystemDarkModeChanged', e.matches).catch(function () { }); };
    query.addEventListener('change', this._listener);
    return query.matches;
  }
};
