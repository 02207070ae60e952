// Drafts on the phone (issue 29, DraftKeeper.razor): what a resident has typed is kept in localStorage so that a
// dropped signal, a discarded tab or a server restart loses nothing. Two parts per draft:
// - data: the form's values as the server last saw them (after each change or choice, DraftKeeper.Snapshot);
// - typed: the text in the page's text boxes as typed, kept at once on the phone, because text typed while offline
//   (or not yet sent: text boxes send on leaving the field) never reached the server.
// Static forms (registration) mark themselves with data-draft and are kept here alone, without the server.
(function () {
  var watched = {}; // key -> { ref, timer }

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || 'null') || {}; } catch (e) { return {}; }
  }
  function write(key, record) {
    try { localStorage.setItem(key, JSON.stringify(record)); } catch (e) { /* full or private mode: nothing to do */ }
  }

  // A text box is named by the nearest data-testid (MudBlazor puts it on the field's wrapper), else its name or id.
  function fieldKey(el) {
    var marked = el.closest('[data-testid]');
    return (marked && marked.getAttribute('data-testid')) || el.name || el.id || null;
  }
  function isTextBox(el) {
    if (!el || el.readOnly || el.disabled) return false;
    if (el.tagName === 'TEXTAREA') return true;
    if (el.tagName !== 'INPUT') return false;
    var t = (el.type || 'text').toLowerCase();
    return ['text', 'search', 'email', 'tel', 'number', 'date', 'url'].indexOf(t) >= 0;
  }
  function inMain(el) { return !!el.closest('main, .mud-main-content'); }

  function snapshot(key) {
    var w = watched[key];
    if (!w) return;
    // At most one snapshot every 300 ms, and never postponed by more typing: a steady typist is still saved.
    if (w.timer) { w.again = true; return; }
    w.timer = setTimeout(function () {
      w.ref.invokeMethodAsync('Snapshot').then(function (envelope) {
        if (envelope !== null && envelope !== undefined && watched[key]) {
          var r = read(key);
          r.envelope = envelope;
          write(key, r);
        }
      }, function () { /* offline: the typed text is already kept */ }).then(function () {
        w.timer = 0;
        if (w.again) { w.again = false; snapshot(key); }
      });
    }, 300);
  }

  function onInput(e) {
    var el = e.target;
    Object.keys(watched).forEach(function (key) {
      if (isTextBox(el) && inMain(el)) {
        var k = fieldKey(el);
        if (k) { var r = read(key); r.typed = r.typed || {}; r.typed[k] = el.value; write(key, r); }
      }
      snapshot(key);
    });
  }
  function onClick() { Object.keys(watched).forEach(snapshot); }

  document.addEventListener('input', onInput, true);
  document.addEventListener('change', onInput, true);
  document.addEventListener('click', onClick, true);

  function setValue(el, value) {
    // The native setter, so frameworks that track the value see the change.
    var proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }

  window.barangayDrafts = {
    watch: function (key, ref) {
      watched[key] = { ref: ref, timer: 0 };
      return read(key).envelope || null;
    },
    unwatch: function (key) {
      var w = watched[key];
      if (w) clearTimeout(w.timer);
      delete watched[key];
    },
    forget: function (key) {
      window.barangayDrafts.unwatch(key);
      try { localStorage.removeItem(key); } catch (e) { }
    },
    applyTyped: function (key) {
      var typed = read(key).typed || {};
      document.querySelectorAll('main input, main textarea, .mud-main-content input, .mud-main-content textarea').forEach(function (el) {
        if (!isTextBox(el)) return;
        var k = fieldKey(el);
        if (k && Object.prototype.hasOwnProperty.call(typed, k) && el.value !== typed[k]) setValue(el, typed[k]);
      });
    }
  };

  // Back on the same circuit after a drop: text typed meanwhile is in the page but not on the server; send it now.
  window.addEventListener('barangay:connection', function (e) {
    if (e.detail !== 'up') return;
    Object.keys(watched).forEach(function (key) {
      var typed = read(key).typed || {};
      document.querySelectorAll('main input, main textarea, .mud-main-content input, .mud-main-content textarea').forEach(function (el) {
        var k = isTextBox(el) && fieldKey(el);
        if (k && Object.prototype.hasOwnProperty.call(typed, k)) setValue(el, el.value);
      });
    });
  });

  // Static forms: <form data-draft="name">. Passwords, files and hidden fields are never kept.
  var staticKey = function (form) { return 'barangay.draft.static.' + form.getAttribute('data-draft'); };
  function keepStatic(e) {
    var form = e.target.form || e.target.closest('form[data-draft]');
    if (!form || !form.hasAttribute('data-draft') || !e.target.name) return;
    var t = (e.target.type || '').toLowerCase();
    if (t === 'password' || t === 'file' || t === 'hidden') return;
    var r = read(staticKey(form));
    r.fields = r.fields || {};
    r.fields[e.target.name] = t === 'checkbox' ? e.target.checked : e.target.value;
    write(staticKey(form), r);
  }
  function restoreStatic() {
    document.querySelectorAll('[data-draft-done]').forEach(function (el) {
      try { localStorage.removeItem('barangay.draft.static.' + el.getAttribute('data-draft-done')); } catch (e) { }
    });
    document.querySelectorAll('form[data-draft]').forEach(function (form) {
      var fields = read(staticKey(form)).fields || {};
      Object.keys(fields).forEach(function (name) {
        var el = form.elements.namedItem(name);
        if (!el || el.type === 'password' || el.type === 'file' || el.type === 'hidden') return;
        // What the server sent back (a refused form keeps its values) wins over the phone's copy.
        if (el.type === 'checkbox') { if (!el.checked && fields[name] === true) el.checked = true; }
        else if (!el.value) el.value = fields[name];
      });
    });
  }
  // Signing out on a shared phone leaves no one's drafts behind.
  document.addEventListener('submit', function (e) {
    var action = (e.target.getAttribute && e.target.getAttribute('action')) || '';
    if (action.indexOf('/Identity/Account/Logout') < 0) return;
    try {
      Object.keys(localStorage).filter(function (k) { return k.indexOf('barangay.draft.') === 0; })
        .forEach(function (k) { localStorage.removeItem(k); });
    } catch (err) { }
  }, true);

  document.addEventListener('input', keepStatic, true);
  document.addEventListener('change', keepStatic, true);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', restoreStatic);
  else restoreStatic();
})();
