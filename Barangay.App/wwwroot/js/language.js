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
// the page: the keyboard stays on the new button instead (WCAG 2.4.3). Called before the re-creation; for a moment
// after it, whenever a new button appears while the focus is nowhere (or on the old one), the new one takes it.
export function keepFocusOnSwitch() {
  const old = document.querySelector(".language-switch");
  const observer = new MutationObserver(() => {
    const now = document.querySelector(".language-switch");
    const active = document.activeElement;
    if (!now || now === old || now === active) return;
    if (!active || active === document.body || active === old || !active.isConnected) now.focus();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 3000);
}
