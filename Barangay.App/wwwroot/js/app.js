// Small helpers the Blazor components call through IJSRuntime.
window.barangay = {
  // Submits a plain form (sign-out must be a POST with its antiforgery token, outside any popover).
  submitForm: function (id) {
    var f = document.getElementById(id);
    if (f) { f.requestSubmit ? f.requestSubmit() : f.submit(); }
  }
};
