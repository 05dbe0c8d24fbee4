// Lianban: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Move focus to an error summary so screen-reader and keyboard users hear what went wrong first.
  function focusErrorSummary() {
    var summary = document.querySelector("[data-autofocus]");
    if (summary) {
      summary.focus();
    }
  }

  // Upload forms (data-upload): send the file with XMLHttpRequest to show a progress bar. The server answers the
  // upload exactly as for a plain form post (a redirect to the page showing the result), so we follow it.
  function enhanceUploads() {
    document.querySelectorAll("form[data-upload]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var input = form.querySelector("input[type=file]");
        if (!input || !input.files || input.files.length === 0 || !window.FormData) {
          return; // let the browser post it; the server explains what is missing
        }
        event.preventDefault();
        var bar = form.querySelector("progress");
        var status = form.querySelector(".upload-status");
        var button = form.querySelector("button[type=submit]");
        if (bar) { bar.hidden = false; bar.value = 0; }
        if (button) { button.disabled = true; }
        var xhr = new XMLHttpRequest();
        xhr.open("POST", form.action);
        xhr.upload.addEventListener("progress", function (e) {
          if (e.lengthComputable && bar) {
            bar.value = Math.round((e.loaded / e.total) * 100);
            if (status) { status.textContent = form.getAttribute("data-uploading") + " " + bar.value + "%"; }
          }
        });
        xhr.addEventListener("load", function () {
          window.location.assign(xhr.responseURL || window.location.href);
        });
        xhr.addEventListener("error", function () {
          if (button) { button.disabled = false; }
          if (status) { status.textContent = form.getAttribute("data-failed"); }
        });
        xhr.send(new FormData(form));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusErrorSummary();
    enhanceUploads();
  });
})();
