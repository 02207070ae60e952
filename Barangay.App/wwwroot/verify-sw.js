// Keeps the certificate check usable with no signal (VerifyEndpoints): the page (which carries the barangay's public
// keys), its script and stylesheet, and the keys list. Network first, so a rotated key or a fixed page arrives as
// soon as there is signal; the cache answers when the network does not. Scope /verify: nothing else of the app is
// touched. The revocation status is never cached (a stale "not revoked" would be a lie).
const CACHE = 'barangay-verify-v1';
const KEEP = ['/verify', '/js/verify.js', '/css/verify.css', '/certificates/keys.json', '/img/seal.svg'];

self.addEventListener('install', event => {
    event.waitUntil(caches.open(CACHE).then(c => c.addAll(KEEP)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
    event.waitUntil(caches.keys()
        .then(names => Promise.all(names.filter(n => n.startsWith('barangay-verify-') && n !== CACHE).map(n => caches.delete(n))))
        .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'GET' || url.origin !== self.location.origin || !KEEP.includes(url.pathname)) return;
    event.respondWith((async () => {
        const cache = await caches.open(CACHE);
        try {
            const fresh = await fetch(event.request);
            if (fresh.ok) await cache.put(url.pathname, fresh.clone());
            return fresh;
        } catch (e) {
            const kept = await cache.match(url.pathname);
            if (kept) return kept;
            throw e;
        }
    })());
});
