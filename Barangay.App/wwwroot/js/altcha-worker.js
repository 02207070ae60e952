// The proof-of-work of the password forms (ALTCHA's protocol, self-hosted), solved off the page's main thread: find
// the number whose SHA-256 with the salt is the server's challenge. A Web Worker, so a phone's page stays responsive
// while it works (on the page itself it blocked taps for seconds on a slow phone: Lighthouse counted 3.4 s of
// blocking time on the sign-in page). Pure JavaScript SHA-256, so it also works on plain http inside the hall's
// network, where crypto.subtle is not available. Loaded as a plain script only where a worker cannot start
// (js/altcha.js then solves in small slices on the page).
(function (scope) {
    "use strict";
    var K = new Uint32Array([
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
    var W = new Uint32Array(64);

    function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

    function sha256hex(text) {
        var bytes = new TextEncoder().encode(text), l = bytes.length, blocks = (l + 9 + 63) >> 6;
        var words = new Uint32Array(blocks * 16), i, t;
        for (i = 0; i < l; i++) words[i >> 2] |= bytes[i] << (24 - (i & 3) * 8);
        words[l >> 2] |= 0x80 << (24 - (l & 3) * 8);
        words[blocks * 16 - 1] = l * 8;
        var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a, h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
        for (var b = 0; b < blocks; b++) {
            for (t = 0; t < 16; t++) W[t] = words[b * 16 + t];
            for (t = 16; t < 64; t++) {
                var x = W[t - 15], y = W[t - 2];
                W[t] = (W[t - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + W[t - 7] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) | 0;
            }
            var a = h0, c1 = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
            for (t = 0; t < 64; t++) {
                var t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
                var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & c1) ^ (a & c) ^ (c1 & c))) | 0;
                h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = c1; c1 = a; a = (t1 + t2) | 0;
            }
            h0 = (h0 + a) | 0; h1 = (h1 + c1) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
            h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
        }
        return [h0, h1, h2, h3, h4, h5, h6, h7].map(function (v) { return (v >>> 0).toString(16).padStart(8, "0"); }).join("");
    }

    /** Looks for the number in [from, to); returns it, or -1. */
    function search(challenge, salt, from, to) {
        for (var n = from; n < to; n++) if (sha256hex(salt + n) === challenge) return n;
        return -1;
    }

    scope.barangaySha256 = sha256hex;
    scope.barangayPowSearch = search;
    if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope) {
        scope.onmessage = function (e) {
            var m = e.data, found = search(m.challenge, m.salt, 0, m.max + 1);
            scope.postMessage({ number: found });
        };
    }
})(self);
