// Keeps a language chosen on an interactive page for this device (the server reads the same cookie as the
// sign-in page's switch writes) and tells assistive technology the page's language changed.
export function setLanguage(cookieValue, htmlLang) {
  // Secure whenever the page itself came over HTTPS (the browser knows; the server's view of the request may not).
  const secure = location.protocol === "https:";
  document.cookie = ".AspNetCore.Culture=" + encodeURIComponent(cookieValue) +
    "; path=/; max-age=31536000; samesite=lax" + (secure ? "; secure" : "");
  document.documentElement.lang = htmlLang;
}

// The switch re-creates the page in the new language, its own button included, so the focus would fall to the top of
// the page, or to the h1: the keyboard stays on
// the new button instead (WCAG 2.4.3). Called before the re-creation; for a moment after it (the page may be drawn
// twice: signed-in parts wait for the sign-in check), whenever the focus is nowhere, on the old button or on the h1,
// the new button takes it. Once the user moves on, nothing is taken from them.
export function keepFocusOnSwitch() {
  const old = document.querySelector(".language-switch");
  const lost = a => !a || a === document.body || a === old || !a.isConnected || a.tagName === "H1";
  const path = location.pathname;
  const stop = () => { observer.disconnect(); document.removeEventListener("focusin", keep); };
  const keep = () => {
    // Another page, or the focus moved on to something else: the user has gone on, nothing is taken from them.
    if (location.pathname !== path) { stop(); return; }
    const now = document.querySelector(".language-switch");
    const active = document.activeElement;
    if (now && now !== old && active !== now && !lost(active)) { stop(); return; }
    if (now && now !== old && active !== now) now.focus();
  };
  const observer = new MutationObserver(keep);
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener("focusin", keep);
  setTimeout(stop, 10000);
}
