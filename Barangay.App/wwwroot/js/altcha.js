// The password forms' proof-of-work check (ALTCHA's protocol, self-hosted): the number is found by
// js/altcha-worker.js in a Web Worker, off the page's main thread, then sent with the form. Where a worker cannot
// start, the same code is loaded on the page and works in slices small enough not to block a tap.
(function () {
    "use strict";
    var here = document.currentScript && document.currentScript.src;
    var solverUrl = new URL("altcha-worker.js", here || location.href).href;

    function start(box) {
        var form = box.closest("form"), field = form.querySelector("input[name='altcha']"), status = box.querySelector("[data-pow-status]");
        var challenge = box.dataset.challenge, salt = box.dataset.salt, max = parseInt(box.dataset.max, 10), solved = false, submitWhenSolved = false;
        form.addEventListener("submit", function (ev) {
            if (!solved) { ev.preventDefault(); submitWhenSolved = true; status.textContent = box.dataset.waiting; }
        });

        function found(n) {
            if (n < 0) { status.textContent = box.dataset.failed; return; }
            field.value = btoa(JSON.stringify({ algorithm: "SHA-256", challenge: challenge, number: n, salt: salt, signature: box.dataset.signature }));
            solved = true;
            box.dataset.solved = "true";
            status.textContent = box.dataset.done;
            if (submitWhenSolved) form.requestSubmit ? form.requestSubmit() : form.submit();
        }

        function onPage() {
            var n = 0;
            function slice() {
                var end = Math.min(n + 200, max + 1), hit = window.barangayPowSearch(challenge, salt, n, end);
                if (hit >= 0) return found(hit);
                n = end;
                if (n <= max) setTimeout(slice, 0); else found(-1);
            }
            if (window.barangayPowSearch) return setTimeout(slice, 0);
            var s = document.createElement("script");
            s.src = solverUrl;
            s.onload = function () { setTimeout(slice, 0); };
            s.onerror = function () { found(-1); };
            document.head.appendChild(s);
        }

        var worker;
        try { worker = new Worker(solverUrl); } catch (e) { return onPage(); }
        worker.onmessage = function (e) { worker.terminate(); found(e.data.number); };
        worker.onerror = function (e) { e.preventDefault(); worker.terminate(); onPage(); };
        worker.postMessage({ challenge: challenge, salt: salt, max: max });
    }

    document.querySelectorAll("[data-pow]").forEach(start);
})();
