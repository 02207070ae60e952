// Asks before submitting a form marked data-confirm="question". An external script, not an onsubmit attribute:
// the Content-Security-Policy runs no inline script.
document.addEventListener('submit', function (e) {
  var question = e.target && e.target.getAttribute && e.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) e.preventDefault();
});
