// Keeps a language chosen on an interactive page for this device (the server reads the same cookie as the
// sign-in page's switch writes) and tells assistive technology the page's language changed.
export function setLanguage(cookieValue, htmlLang) {
  // Secure whenever the page itself came over HTTPS (the browser knows; the server's view of the request may not).
  const secure = location.protocol === "https:";
  document.cookie = ".AspNetCore.Culture=" + encodeURIComponent(cookieValue) +
    "; path=/; max-age=31536000; samesite=lax" + (secure ? "; secure" : "");
  document.documentElement.lang = htmlLang;
}
