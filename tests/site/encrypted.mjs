// An encrypted build in a real browser (Debian's Chromium via playwright-core):
// the wrong password is refused with a message, the right one opens the
// dashboard with its stylesheet and inline SVG, and a second page opens from a
// link without asking again. A page moved to another address does not open
// there, and one whose iteration count was lowered is refused before a
// password is asked. Prints one PASS/FAIL line; exits 1 on failure.
//
//   cargo build --release && node tests/site/encrypted.mjs
//
// SALESPULSE_BIN: the binary [default: $CARGO_TARGET_DIR/release/salespulse,
//   else target/release/salespulse]. SALESPULSE_PASSWORD: the password to
//   build and type [default: a test passphrase]. CHROMIUM: the browser
//   [default: /usr/bin/chromium]. SHOTS: a folder for screenshots [default: none].
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin =
  process.env.SALESPULSE_BIN ||
  join(process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(repo, "target"), "release", "salespulse");
const password = process.env.SALESPULSE_PASSWORD || "тестовый пароль для браузера";
const shots = process.env.SHOTS ? resolve(process.env.SHOTS) : null;
const timeout = 20_000;

const checks = [];
function check(what, ok, detail = "") {
  if (!ok) throw new Error(`${what}${detail ? `: ${detail}` : ""}`);
  checks.push(what);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
};

// Serves `root` on 127.0.0.1 (a secure context, so WebCrypto and sessionStorage work).
function serve(root) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), "salespulse-encrypted-"));
try {
  if (!existsSync(bin)) throw new Error(`no binary at ${bin}: run \`cargo build --release\` or set SALESPULSE_BIN`);
  const out = join(work, "site");
  const built = spawnSync(bin, ["--root", repo, "build", "--encrypt", "--quiet", "--as-of", "2026-11-27", "--out", out], {
    env: { ...process.env, SALESPULSE_PASSWORD: password },
    encoding: "utf8",
  });
  check("the encrypted build succeeds", built.status === 0, built.stderr);
  check("data/ is left out", !existsSync(join(out, "data")));
  check("unlock.js is published", existsSync(join(out, "unlock.js")));

  server = await serve(out);
  const base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const problems = [];
  page.on("console", (m) => {
    // The browser's own favicon.ico request is no page's doing (the site has none).
    if (m.location().url.endsWith("/favicon.ico")) return;
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) problems.push(`${m.text()} ${m.location().url}`);
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });

  await page.goto(base + "index.html");
  const field = page.getByLabel("Пароль");
  await field.waitFor({ state: "visible" });
  check("the dashboard asks for the password, in Russian", (await page.title()) === "Закрытый отчёт");
  if (shots) mkdirSync(shots, { recursive: true });

  await field.fill(password + "!");
  await page.getByRole("button", { name: "Открыть" }).click();
  const status = page.locator("#unlock-status");
  await page.waitForFunction(() => document.getElementById("unlock-status").classList.contains("bad"));
  check("a wrong password shows the message", (await status.textContent()) === "Неверный пароль. Попробуйте ещё раз.");
  check("the field is marked invalid", (await field.getAttribute("aria-invalid")) === "true");
  if (shots) await page.screenshot({ path: join(shots, "wrong-password.png") });

  await field.fill(password);
  const started = Date.now();
  await page.getByRole("button", { name: "Открыть" }).click();
  await page.locator("header.site-header").waitFor();
  const unlockMs = Date.now() - started;
  const title = await page.title();
  check("the right password opens the dashboard", title.endsWith("— Отдел продаж — онлайн-школа «Пример»"), title);
  check("the dashboard shows its content", (await page.locator("main h1").first().textContent()).includes("2026"));
  const rendered = await page.evaluate(() => {
    const widths = [...document.querySelectorAll("main svg")].map((s) => s.getBoundingClientRect().width);
    return {
      charts: widths.length,
      chartWidth: Math.max(0, ...widths),
      // Styled by style.css: the default fill would be black.
      trackFill: getComputedStyle(document.querySelector("main svg rect")).fill,
      headerDisplay: getComputedStyle(document.querySelector(".site-header")).display,
      lock: !!document.getElementById("unlock"),
      stored: Object.keys(sessionStorage).filter((k) => k.startsWith("salespulse-key:")).length,
    };
  });
  check("the stylesheet applies after decryption", rendered.headerDisplay === "flex", rendered.headerDisplay);
  check(
    "the inline SVG draws, styled",
    rendered.charts > 0 && rendered.chartWidth > 0 && rendered.trackFill !== "rgb(0, 0, 0)",
    JSON.stringify(rendered)
  );
  check("the password form is gone", !rendered.lock);
  check("the key is kept for the tab", rendered.stored === 1);
  if (shots) await page.screenshot({ path: join(shots, "dashboard.png") });

  // A second page, by a link: opens with the tab's key, nobody types anything.
  await page.locator("nav a[href='team/index.html']").click();
  await page.waitForURL(base + "team/index.html");
  await page.locator("header.site-header").waitFor();
  check("a second page opens without asking", (await page.title()).startsWith("Команда — "), await page.title());
  check("the second page shows its content", (await page.locator("main table").count()) > 0);
  if (shots) await page.screenshot({ path: join(shots, "team.png") });

  // A new tab of a new session asks again.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(base + "team/index.html");
  await fresh.getByLabel("Пароль").waitFor({ state: "visible" });
  check("another session is asked again", (await fresh.title()) === "Закрытый отчёт");
  check("no console error and no CSP violation", problems.length === 0, problems.join("\n"));

  // Whoever hosts the pages swaps two of them: the team page's shell where
  // the months page was. The right password does not open it there.
  copyFileSync(join(out, "team", "index.html"), join(out, "months", "index.html"));
  const swapped = await (await browser.newContext()).newPage();
  await swapped.goto(base + "months/index.html");
  await swapped.getByLabel("Пароль").fill(password);
  await swapped.getByRole("button", { name: "Открыть" }).click();
  await swapped.waitForFunction(() => document.getElementById("unlock-status").classList.contains("bad"));
  check("a page moved to another address does not open there", !(await swapped.locator("header.site-header").count()));

  // A page whose iteration count was lowered, to make guessing cheap.
  const weeks = join(out, "weeks", "index.html");
  writeFileSync(weeks, readFileSync(weeks, "utf8").replace('"iterations":600000', '"iterations":1000'));
  const weak = await (await browser.newContext()).newPage();
  await weak.goto(base + "weeks/index.html");
  await weak.waitForFunction(() => document.getElementById("unlock-status").textContent !== "");
  check(
    "a page with fewer iterations is refused",
    (await weak.locator("#unlock-status").textContent()).startsWith("Эта страница изменена или подменена") &&
      (await weak.getByLabel("Пароль").isDisabled()),
    await weak.locator("#unlock-status").textContent()
  );

  // How long the browser's PBKDF2 takes here, for the docs.
  const pbkdf2Ms = await fresh.evaluate(async () => {
    const sealed = JSON.parse(document.getElementById("sealed").textContent);
    const salt = Uint8Array.from(atob(sealed.salt), (c) => c.charCodeAt(0));
    const t = performance.now();
    const material = await crypto.subtle.importKey("raw", new TextEncoder().encode("x"), "PBKDF2", false, ["deriveBits"]);
    await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: sealed.iterations }, material, 256);
    return performance.now() - t;
  });
  console.log(`encrypted site: PASS (${checks.length} checks; unlock ${unlockMs} ms, PBKDF2 ${Math.round(pbkdf2Ms)} ms in Chromium)`);
  process.exitCode = 0;
} catch (err) {
  console.log(`encrypted site: FAIL after ${checks.length} checks: ${err.message}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
  if (server) server.close();
  rmSync(work, { recursive: true, force: true });
}
