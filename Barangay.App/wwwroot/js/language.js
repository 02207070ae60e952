// Keeps a language chosen on an interactive page for this device (the server reads the same cookie as the
// sign-in page's switch writes) and tells assistive technology the page's language changed.
export function setLanguage(cookieValue, htmlLang, secure) {
  document.cookie = ".AspNetCore.Culture=" + encodeURIComponent(cookieValue) +
    "; path=/; max-age=31536000; samesite=lax" + (secure ? "; secure" : "");
  document.documentElement.lang = htmlLang;
}
