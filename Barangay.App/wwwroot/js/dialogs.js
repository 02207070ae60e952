// Every MudBlazor dialog, one rule for all of them (WCAG 2.1.2, 2.4.3; the ARIA dialog pattern):
// - Tab and Shift+Tab stay inside the open dialog, in the browser, with no server round trip. MudBlazor's own trap
//   moves the focus only once the server has heard that its edge marker took it, so a second Tab pressed before that
//   answer left the dialog (to the skip link behind it) on a slow link or a busy server.
// - Escape cancels the dialog (MudDialogProvider's CloseOnEscapeKey, in MainLayout) where that is safe: not while the
//   dialog is saving (it sets aria-busy="true" from its busy flag, or every button in its action bar is disabled: the
//   save would land while the page was told "cancelled"), and not while one of its lists is open (Escape closes the
//   list first). Escape otherwise does what Cancel/Back does: typed text in the dialog is dropped, as with Cancel.
// - The focus MudBlazor puts on a dialog's first control comes from the server, a round trip after the dialog is drawn.
//   On a busy server it can come after the person already went into another control of the dialog and is typing: it took
//   the focus from there, and the rest of what they typed went to the first control (a read-only date field drops it:
//   a hearing's attendees lost, issue 21). Where the focus is already on a control of that dialog, it stays there (the same
//   for an autocomplete's late text highlight, which also focuses).
// - When a dialog closes and the focus went with it, the focus goes back to the control that opened it; if the page
//   drew that control again, to the new one (same id or test id); if it is gone, to the page's h1.
(function () {
  var CONTAINER = '.mud-dialog-container';
  var focused = null, before = null; // the last two elements that took the focus (outside any popover list)
  var stack = []; // open dialogs, oldest first: { box, opener }

  document.addEventListener('focusin', function (e) {
    var t = e.target;
    if (!t || !t.closest || t.closest('.mud-popover')) return;
    if (t !== focused) { before = focused; focused = t; }
  }, true);

  function topBox() {
    var all = document.querySelectorAll(CONTAINER);
    return all.length ? all[all.length - 1] : null;
  }

  // MudFocusTrap's edge markers: empty divs beside its content that only bounce the focus (through the server).
  function isMarker(el) {
    var parent = el.parentElement;
    return el.tagName === 'DIV' && !el.firstElementChild && parent !== null
      && !el.classList.contains('mud-focus-trap-child-container')
      && parent.querySelector(':scope > .mud-focus-trap-child-container') !== null;
  }

  function stops(box) {
    var seenRadio = {};
    return Array.prototype.filter.call(box.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'), function (el) {
      if (el.tabIndex < 0 || el.disabled || isMarker(el) || el.getClientRects().length === 0) return false;
      if (el.tagName === 'INPUT' && el.type === 'hidden') return false;
      if (getComputedStyle(el).visibility === 'hidden') return false;
      if (el.tagName === 'INPUT' && el.type === 'radio' && el.name) {
        // A radio group is one stop: its checked radio, or its first when none is.
        var group = box.querySelectorAll('input[type=radio][name="' + CSS.escape(el.name) + '"]');
        var checked = Array.prototype.find.call(group, function (r) { return r.checked; });
        if (checked ? el !== checked : seenRadio[el.name]) return false;
        seenRadio[el.name] = true;
      }
      return true;
    });
  }

  // MudBlazor hears a dialog's keys on its .mud-dialog element, after the control that has the focus (a select closing
  // its list) has had them: the Escape is stopped on its way up, between the two, for this one key press.
  function keepOpen(box, target) {
    var dialog = box.querySelector('.mud-dialog');
    if (!dialog || !dialog.contains(target)) return;
    var holder = target === dialog ? dialog : target;
    while (holder !== dialog && holder.parentElement !== dialog) holder = holder.parentElement;
    var capture = holder === dialog; // the dialog itself has the focus: stop it before MudBlazor's listener there
    function stop(ev) { if (capture) ev.stopImmediatePropagation(); else ev.stopPropagation(); }
    holder.addEventListener('keydown', stop, capture);
    setTimeout(function () { holder.removeEventListener('keydown', stop, capture); }, 0);
  }

  document.addEventListener('keydown', function (e) {
    var box = topBox();
    if (!box) return;
    var active = document.activeElement;
    // A popover list opened from the dialog (a select's items) handles its own keys.
    if (active && active.closest && active.closest('.mud-popover')) return;

    if (e.key === 'Escape') {
      var listOpen = document.querySelector('.mud-popover-open') !== null;
      // Saving: the dialog says so (aria-busy, set by each dialog from its busy flag), or every action is disabled.
      var buttons = box.querySelectorAll('.mud-dialog-actions button');
      var saving = box.querySelector('[aria-busy="true"]') !== null
        || (buttons.length > 0 && Array.prototype.every.call(buttons, function (b) { return b.disabled; }));
      if (listOpen || saving) keepOpen(box, e.target);
      return;
    }
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    var list = stops(box);
    e.preventDefault();
    if (list.length === 0) { box.focus(); return; }
    var at = list.indexOf(active);
    var next = at < 0
      ? (e.shiftKey ? list[list.length - 1] : list[0])
      : list[(at + (e.shiftKey ? list.length - 1 : 1)) % list.length];
    next.focus();
  }, true);

  function lost(box) {
    var active = document.activeElement;
    return !active || active === document.body || !active.isConnected || box.contains(active);
  }

  function redrawn(el) {
    if (el.id) return document.getElementById(el.id);
    var id = el.getAttribute('data-testid');
    return id ? document.querySelector('[data-testid="' + CSS.escape(id) + '"]') : null;
  }

  function giveBack(opener) {
    var target = opener && opener.isConnected ? opener : (opener && redrawn(opener));
    if (!target || target.disabled) target = document.querySelector('main h1') || document.getElementById('main-content');
    if (!target) return;
    if (target.tagName === 'H1' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: target.tagName === 'H1' });
  }

  // Wraps MudBlazor's focusFirst (called by the dialog's focus trap through JS interop) once it is loaded. Its other calls
  // are unchanged: the trap's edge markers bouncing the focus, and anything outside a dialog.
  function keepUsersFocus() {
    var ref = window.mudElementRef;
    if (!ref || ref.__keepsUsersFocus || typeof ref.focusFirst !== 'function') return;
    var focusFirst = ref.focusFirst;
    ref.focusFirst = function (element) {
      var active = document.activeElement;
      if (element && active && active !== element && element.contains(active) && !isMarker(active) && active.closest(CONTAINER)) return;
      return focusFirst.apply(this, arguments);
    };
    // Likewise an autocomplete's "highlight the text when it gets the focus" (SelectOnActivation): the browser's select()
    // also focuses, so when it came after the person had left the autocomplete for another box of the dialog, it pulled the
    // focus back and what they typed went into the autocomplete (a respondent's name lost in the KP intake, issue 21).
    var select = ref.select;
    if (typeof select === 'function') {
      ref.select = function (element) {
        var active = document.activeElement;
        if (element && active && active !== element && element.closest && element.closest(CONTAINER) && active.closest(CONTAINER) === element.closest(CONTAINER)
            && active.matches('input, textarea, select, [contenteditable]')) return;
        return select.apply(this, arguments);
      };
    }
    ref.__keepsUsersFocus = true;
  }

  new MutationObserver(function () {
    keepUsersFocus();
    // Closed (newest first): give the focus back if it went with the dialog.
    while (stack.length && !stack[stack.length - 1].box.isConnected) {
      var closed = stack.pop();
      if (lost(closed.box)) giveBack(closed.opener);
    }
    var known = stack.map(function (d) { return d.box; });
    document.querySelectorAll(CONTAINER).forEach(function (box) {
      if (known.indexOf(box) >= 0) return;
      // The focus has usually not moved into the new dialog yet; if it has, the element before it opened it.
      stack.push({ box: box, opener: focused && !box.contains(focused) ? focused : before });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
