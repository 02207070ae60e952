// The offline certificate check (VerifyEndpoints, CertificatePayload). The payload after "#" is
// B1.<key id>.<claims>.<signature>: claims a base64url JSON array, the signature ECDSA P-256 / SHA-256 (r||s) over the
// text before the last dot. Checked here with WebCrypto against the keys the page carries (and keys seen before,
// kept in localStorage), so nothing about the holder leaves the phone; only the control number is sent, and only
// online, to ask whether the certificate was revoked.
(() => {
    'use strict';
    const root = document.getElementById('verify');
    const $ = id => document.getElementById(id);
    const t = (name, arg) => (root.dataset['t' + name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())] || '').replace('{0}', arg ?? '');
    const STORE = 'barangay-verify-keys';

    function fromB64url(s) {
        if (!/^[A-Za-z0-9_-]+$/.test(s)) return null;
        const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
        try {
            const bin = atob(b64);
            const out = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
            return out;
        } catch { return null; }
    }

    function knownKeys() {
        const keys = {};
        try { Object.assign(keys, JSON.parse(localStorage.getItem(STORE) || '{}')); } catch { /* a damaged store is ignored */ }
        for (const k of JSON.parse($('verify-keys').textContent || '[]')) keys[k.kid] = k.spki;
        try { localStorage.setItem(STORE, JSON.stringify(keys)); } catch { /* private mode: keys stay in the page */ }
        return keys;
    }

    // The same outcomes as CertificatePayload.Read on the server: damaged, unknown-key, forged or genuine.
    async function check(payload, keys) {
        const parts = payload.split('.');
        if (parts.length !== 4 || parts[0] !== 'B1' || parts.some(p => !p)) return { outcome: 'damaged' };
        const spki = keys[parts[1]];
        if (!spki) return { outcome: 'unknown-key' };
        const sig = fromB64url(parts[3]);
        const claimsBytes = fromB64url(parts[2]);
        if (!sig || !claimsBytes) return { outcome: 'damaged' };
        if (sig.length !== 64) return { outcome: sig.length < 64 ? 'damaged' : 'forged' };
        const key = await crypto.subtle.importKey('spki', fromB64url(spki.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
            { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
        const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, sig, new TextEncoder().encode(parts.slice(0, 3).join('.')));
        if (!ok) return { outcome: 'forged' };
        try {
            const a = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(claimsBytes));
            if (!Array.isArray(a) || a.length !== 6) return { outcome: 'damaged' };
            return { outcome: 'genuine', claims: { control: a[0], type: a[1], holder: a[2], issued: a[3], valid: a[4], barangay: a[5] } };
        } catch { return { outcome: 'damaged' }; }
    }

    const longDate = iso => new Date(iso + 'T00:00:00+08:00').toLocaleDateString('en-PH', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Manila' });
    const manilaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Manila' }).format(new Date());

    function show(state, title, text) {
        root.dataset.state = state;
        $('verify-title').textContent = title;
        $('verify-text').textContent = text || '';
    }

    function claimsTable(c) {
        const body = $('verify-claims').tBodies[0];
        body.replaceChildren();
        for (const [label, value, id] of [[t('document'), c.type, 'type'], [t('holder'), c.holder, 'holder'], [t('control'), c.control, 'control'],
            [t('issued'), longDate(c.issued), 'issued'], [t('valid'), longDate(c.valid), 'valid'], [t('barangay'), c.barangay, 'barangay']]) {
            const row = body.insertRow();
            row.insertCell().textContent = label;
            const cell = row.insertCell();
            cell.textContent = value;
            cell.dataset.testid = 'verify-' + id;
        }
        $('verify-claims').hidden = false;
    }

    function revocation(state, text) {
        const p = $('verify-revocation');
        p.hidden = false;
        p.dataset.state = state;
        p.textContent = text;
    }

    async function askRevocation(c) {
        if (!navigator.onLine) return revocation('offline', t('offline'));
        try {
            const res = await fetch('/certificates/status?control=' + encodeURIComponent(c.control), { cache: 'no-store' });
            if (!res.ok) throw new Error(String(res.status));
            const s = await res.json();
            if (s.revoked) {
                show('revoked', t('revoked'), t('revoked-text', longDate(s.revoked_on)));
                revocation('revoked', t('revoked-checked'));
            } else revocation('not-revoked', t('not-revoked'));
        } catch {
            // No answer (a failed fetch is what a phone with no signal gets even when onLine says otherwise).
            revocation('offline', t('offline'));
        }
    }

    async function run() {
        const payload = decodeURIComponent(location.hash.replace(/^#/, '')).trim();
        $('verify-claims').hidden = true;
        $('verify-revocation').hidden = true;
        if (!payload) return show('empty', '', t('empty'));
        if (!window.crypto || !crypto.subtle) return show('error', '', t('no-crypto'));
        const start = performance.now();
        let result;
        try {
            result = await check(payload, knownKeys());
        } catch {
            result = { outcome: 'damaged' };
        }
        root.dataset.ms = (performance.now() - start).toFixed(2);
        if (result.outcome === 'damaged') return show('damaged', t('damaged'), t('damaged-text'));
        if (result.outcome === 'unknown-key') return show('forged', t('forged'), t('unknown-key-text'));
        if (result.outcome === 'forged') return show('forged', t('forged'), t('forged-text'));
        const c = result.claims;
        claimsTable(c);
        if (c.valid < manilaToday()) show('expired', t('genuine'), t('expired', longDate(c.valid)));
        else show('genuine', t('genuine'), t('signed-by', c.barangay));
        await askRevocation(c);
    }

    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/verify-sw.js', { scope: '/verify' }).catch(() => { /* the check works without it, online */ });
    }
    window.addEventListener('hashchange', () => { root.dataset.done = ''; run().finally(() => { root.dataset.done = 'true'; }); });
    run().finally(() => { root.dataset.done = 'true'; });
})();
