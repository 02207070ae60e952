// The registration's ID photo field (Register.cshtml): the file input is drawn as the page's own button, so the name of
// the chosen file is shown here, in place of the browser's "No file chosen" (which follows the browser's language).
(function () {
  function show(input) {
    var name = document.getElementById(input.id + '-chosen');
    if (!name) return;
    var files = input.files;
    name.textContent = files && files.length ? Array.prototype.map.call(files, function (f) { return f.name; }).join(', ')
                                             : name.getAttribute('data-none');
  }
  document.addEventListener('change', function (e) {
    if (e.target && e.target.classList && e.target.classList.contains('file-pick-input')) show(e.target);
  });
  // A page restored from the back/forward cache keeps the chosen file: say so.
  window.addEventListener('pageshow', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.file-pick-input'), show);
  });
})();
