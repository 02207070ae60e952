// Residents use mobile data that drops in and out (issue 29). This starts Blazor with a reconnect schedule that
// keeps trying for as long as the phone is offline, drives the small reconnect banner (ConnectionBanner.razor),
// and disables the buttons that need the server while there is no connection.
(function () {
  var root = document.documentElement;
  var disabled = [];
  var wired = new WeakSet();

  function banner() { return document.getElementById('components-reconnect-modal'); }

  // Every button in the page talks to the server (Blazor Server); the banner's own "Try now" does not.
  function disableButtons() {
    if (disabled.length) return;
    document.querySelectorAll('button:not([disabled]), .mud-button-root:not([disabled])').forEach(function (b) {
      if (b.closest('.connection-banner')) return;
      b.setAttribute('disabled', '');
      b.setAttribute('data-offline-disabled', '');
      disabled.push(b);
    });
  }

  function enableButtons() {
    disabled.forEach(function (b) { b.removeAttribute('disabled'); b.removeAttribute('data-offline-disabled'); });
    disabled = [];
  }

  function show(state) {
    if (state) { root.setAttribute('data-connection', state); disableButtons(); }
    else { root.removeAttribute('data-connection'); enableButtons(); }
    window.dispatchEvent(new CustomEvent('barangay:connection', { detail: state || 'up' }));
  }

  async function retryNow() {
    try {
      if (await Blazor.reconnect()) return;
      // The server no longer has this page: resume it from its persisted state, or open it again.
      if (!(await Blazor.resumeCircuit())) reload();
    } catch (e) {
      show('failed'); // still unreachable
    }
  }

  function reload() {
    show('reloading');
    location.reload();
  }

  function onStateChanged(e) {
    switch (e.detail.state) {
      case 'show': case 'retrying': show('down'); break;
      case 'hide': show(null); break;
      case 'failed': case 'resume-failed': show('failed'); break;
      case 'paused': retryNow(); break;
      case 'rejected': reload(); break;
    }
  }

  function wire() {
    var b = banner();
    if (!b || wired.has(b)) return;
    wired.add(b);
    b.addEventListener('components-reconnect-state-changed', onStateChanged);
    var retry = b.querySelector('.connection-retry');
    if (retry) retry.addEventListener('click', retryNow);
    var again = b.querySelector('.connection-again');
    if (again) again.addEventListener('click', function () { location.reload(); });
  }

  // After the automatic retries are spent, coming back online or back to the tab tries again at once.
  window.addEventListener('online', function () { if (root.getAttribute('data-connection') === 'failed') retryNow(); });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && root.getAttribute('data-connection') === 'failed') retryNow();
  });

  wire();
  // The server's refusal of a live page past the person's limit (PageLimitHubFilter) reaches the browser only as
  // SignalR's log line of the closed connection ("... HubException: too-many-pages: ..."): Blazor.start neither
  // rejects nor shows its reconnect display, and the page would sit there with buttons that do nothing.
  var signalRLog = {
    log: function (level, message) {
      var text = String(message);
      if (text.indexOf('too-many-pages') >= 0) show('too-many');
      if (level >= 4) console.error(text); else if (level === 3) console.warn(text);
    }
  };

  Blazor.start({
    circuit: {
      configureSignalR: function (builder) { builder.configureLogging(signalRLog); },
      reconnectionOptions: {
        // An hour of attempts. Offline, an attempt costs nothing (it fails in the phone), so try every second to be
        // back the moment the signal is; online but unanswered (a deploy), back off to 15 s so that thousands of
        // phones do not hammer a restarting server.
        maxRetries: 720,
        retryIntervalMilliseconds: function (previousAttempts) {
          if (!navigator.onLine) return 1000;
          return Math.min(15000, 1000 * Math.pow(2, Math.min(previousAttempts, 4))) + Math.floor(Math.random() * 1000);
        }
      }
    }
  }).then(wire, function (e) {
    wire();
    // The server refused the live page: this person already has the most open (PageLimitHubFilter). Say so and let
    // them open it again once they have closed some; retrying by itself would only be refused again.
    show(String(e && (e.message || e)).indexOf('too-many-pages') >= 0 ? 'too-many' : 'failed');
  });
  document.addEventListener('DOMContentLoaded', wire);
})();
