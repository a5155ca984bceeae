// salespulse: opens a page of an encrypted build (`salespulse build --encrypt`).
//
// The page is in the <script type="application/json" id="sealed"> block:
// AES-256-GCM ciphertext under a key derived from the password by
// PBKDF2-HMAC-SHA256 (salt and iteration count in the block), with the page's
// path under the site root as associated data. This script derives the key
// with WebCrypto, decrypts, and replaces the document with the page. The
// derived key, not the password, is kept in sessionStorage for this tab, so
// the next page of the same build opens without asking.
// The format is described in docs/encryption.md.
(function () {
  "use strict";

  // The format and iteration count salespulse writes (src/encrypt.rs; a test
  // keeps them equal). A page that asks for fewer rounds was not made by it:
  // whoever lowered the count wants the password cheap to guess.
  var FORMAT = 2;
  var MIN_ITERATIONS = 600000;
  // Where this script was loaded from is the site root.
  var scriptUrl = (document.currentScript || document.querySelector("script[src$='unlock.js']")).src;

  var form = document.getElementById("unlock");
  var field = document.getElementById("password");
  var button = form.querySelector("button");
  var status = document.getElementById("unlock-status");
  var sealed = JSON.parse(document.getElementById("sealed").textContent);
  // One entry per build: a new build has a new salt and asks again.
  var storageKey = "salespulse-key:" + sealed.salt;

  // The page's path under the site root ("team/anna/index.html"), as it was
  // sealed: a page copied to another address does not decrypt there.
  function pagePath() {
    var root = new URL(".", scriptUrl).href;
    var here = new URL(location.href);
    here.hash = "";
    here.search = "";
    if (here.href.indexOf(root) !== 0) return null;
    var path = here.href.slice(root.length);
    if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
    try {
      return decodeURIComponent(path);
    } catch (e) {
      return null;
    }
  }
  var path = pagePath();

  function bytes(base64) {
    var text = atob(base64);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  function base64(buffer) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(buffer)));
  }

  function say(text, bad) {
    status.textContent = text;
    status.classList.toggle("bad", !!bad);
  }

  function ask() {
    document.body.classList.add("ready");
    field.focus();
  }

  function decrypt(key) {
    return crypto.subtle
      .decrypt(
        { name: "AES-GCM", iv: bytes(sealed.nonce), additionalData: new TextEncoder().encode(path) },
        key,
        bytes(sealed.ciphertext)
      )
      .then(function (plain) { return new TextDecoder().decode(plain); });
  }

  function derive(password) {
    return crypto.subtle
      .importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveKey"])
      .then(function (material) {
        return crypto.subtle.deriveKey(
          { name: "PBKDF2", hash: "SHA-256", salt: bytes(sealed.salt), iterations: sealed.iterations },
          material,
          { name: "AES-GCM", length: 256 },
          true,
          ["decrypt"]
        );
      });
  }

  function remember(key) {
    return crypto.subtle.exportKey("raw", key).then(function (raw) {
      try {
        sessionStorage.setItem(storageKey, base64(raw));
      } catch (e) {
        // Storage off or full: the next page asks again, nothing worse.
      }
    });
  }

  function remembered() {
    var raw = null;
    try {
      raw = sessionStorage.getItem(storageKey);
    } catch (e) {
      return Promise.resolve(null);
    }
    if (!raw) return Promise.resolve(null);
    return crypto.subtle.importKey("raw", bytes(raw), "AES-GCM", true, ["decrypt"]);
  }

  // The decrypted page replaces this document: it is parsed as if it had been
  // loaded, with its own Content-Security-Policy, stylesheet and inline SVG.
  function show(html) {
    document.open();
    document.write(html);
    document.close();
    if (location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }

  if (sealed.v !== FORMAT || !(sealed.iterations >= MIN_ITERATIONS) || path === null) {
    say(form.dataset.tampered, true);
    field.disabled = true;
    button.disabled = true;
    document.body.classList.add("ready");
    return;
  }

  if (!window.crypto || !crypto.subtle) {
    // WebCrypto exists only on https:// and on localhost.
    say(form.dataset.unsupported, true);
    field.disabled = true;
    button.disabled = true;
    document.body.classList.add("ready");
    return;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!field.value) return;
    button.disabled = true;
    field.removeAttribute("aria-invalid");
    say(form.dataset.checking, false);
    var key;
    derive(field.value)
      .then(function (derived) {
        key = derived;
        return decrypt(key);
      })
      .then(function (html) {
        return remember(key).then(function () { show(html); });
      })
      .catch(function () {
        button.disabled = false;
        field.setAttribute("aria-invalid", "true");
        say(form.dataset.wrong, true);
        field.focus();
        field.select();
      });
  });

  remembered()
    .then(function (key) {
      if (!key) return ask();
      return decrypt(key).then(show, function () {
        sessionStorage.removeItem(storageKey);
        ask();
      });
    })
    .catch(ask);
})();
