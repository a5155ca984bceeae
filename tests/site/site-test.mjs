// The built site in a real browser, page by page:
//   html     Nu Html Checker (vnu-jar, on the machine's Java): errors only, SVG too
//   console  Chromium (Playwright, Debian's binary): console errors and page errors
//   requests failed requests and HTTP errors while loading each page
//   links    every internal link, image and stylesheet resolves, inside the
//            served prefix; every #anchor exists on its page
//   svg      every chart (svg[role=img]) has a <title>, and is drawn (non-zero
//            box) at 1280, 820 or 390 px; each chart figure shows one drawing at each
//   axe      axe-core, WCAG 2.1 A and AA, in the light and the dark scheme
//   layout   at 390 px nothing scrolls the page sideways; tables scroll in a focusable .table-wrap;
//            per-manager tables (data-grid) are cards, one a row, inside the screen, each
//            figure under its column's name, the key and marked figures first;
//            at 1280 px no table is wider than its box and the header is one row;
//            KPI cards fill every row of their grid at 1280 and 390 px
//   reading  the owner's ten seconds: on the dashboard and month pages the verdict
//            strip is the first content after the header; at 390 px the dashboard
//            shows every manager's % of plan without scrolling sideways; one h1 and
//            no heading level skipped; a breadcrumb under the header below the top
//            level; previous/next on stand-up and manager pages
//   script   no <script>, no on* handlers, no javascript: URLs in any page
//   weight   HTML+CSS bytes per page kind; the dashboard stays under 150 KB
// plus full-page screenshots at 1280 and 390 px (light) with --shots DIR.
//
//   node site-test.mjs DIR [--name NAME] [--prefix /salespulse/] [--shots DIR] [--summary FILE]
//   node site-test.mjs broken --expect-failures    # each check must fail here
//
// Exit 1 on any problem (with --expect-failures: on any check that found none).
// --summary appends "name pages html axe links others ok|FAILED" to FILE (run.sh).
import { spawn } from "node:child_process";
import { appendFileSync, readFileSync, readdirSync, statSync, mkdirSync, rmSync } from "node:fs";
import { join, relative, resolve, sep, dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const VNU = join(here, "node_modules/vnu-jar/build/dist/vnu.jar");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const DASHBOARD_MAX = 150 * 1024;
const CHECKS = ["html", "console", "requests", "links", "svg", "axe", "layout", "reading", "script", "weight"];

// ---- arguments
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args.splice(i, 1), true) : false;
};
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : dflt;
};
const expectFailures = flag("--expect-failures");
const prefix = opt("--prefix", "/");
const shots = opt("--shots", null);
const summary = opt("--summary", null);
const nameArg = opt("--name", null);
const dir = resolve(args[0] ?? join(here, "../../output"));
const name = nameArg ?? (relative(process.cwd(), dir) || ".");
if (!prefix.startsWith("/") || !prefix.endsWith("/")) throw new Error("--prefix must start and end with /");

const started = Date.now();
const problems = Object.fromEntries(CHECKS.map((c) => [c, []]));
const problem = (check, page, text) => problems[check].push(`${page}: ${text}`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// ---- the files
const files = [];
(function walk(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else files.push(relative(dir, p).split(sep).join("/"));
  }
})(dir);
const fileSet = new Set(files);
const pages = files.filter((f) => f.endsWith(".html")).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
function depth(f) {
  return f.split("/").length;
}
if (!pages.length) throw new Error(`no HTML page under ${dir}`);

// ---- the Nu Html Checker runs beside the browser
const vnu = new Promise((ok) => {
  const p = spawn("java", ["-jar", VNU, "--errors-only", "--skip-non-html", "--also-check-svg", "--format", "json", "--stdout", dir]);
  let out = "";
  let err = "";
  p.stdout.on("data", (d) => (out += d));
  p.stderr.on("data", (d) => (err += d));
  p.on("error", (e) => ok({ error: `cannot run java: ${e.message}` }));
  p.on("close", (code) => {
    try {
      ok({ messages: JSON.parse(out).messages });
    } catch {
      ok({ error: `vnu exited ${code} without a JSON report: ${err.slice(0, 500)}` });
    }
  });
});

// ---- what a page kind is, for the weights
function kind(f) {
  const parts = f.split("/");
  if (parts.length === 1) return f === "index.html" ? "dashboard" : f;
  const section = parts[0];
  const single = { months: "month", weeks: "week", team: "manager", standups: "stand-up", idp: "idp", pages: "rule page" };
  if (parts.length === 2) return ["team", "checklist", "one-on-ones"].includes(section) ? section : `${section} list`;
  return single[section] ?? section;
}

// ---- static checks: no script, the weights
const css = new Map();
const weights = new Map();
for (const f of pages) {
  const html = readFileSync(join(dir, f), "utf8");
  if (/<script\b/i.test(html)) problem("script", f, "has a <script> element");
  const handler = html.match(/<[a-z][^>]*\son[a-z]+\s*=/i);
  if (handler) problem("script", f, `has an event handler: ${handler[0].slice(0, 80)}`);
  if (/(href|src)\s*=\s*["']?\s*javascript:/i.test(html)) problem("script", f, "has a javascript: URL");
  let bytes = Buffer.byteLength(html);
  for (const m of html.matchAll(/<link\b[^>]*rel="?stylesheet"?[^>]*>/gi)) {
    const href = m[0].match(/href="([^"]*)"/)?.[1];
    if (!href || /^[a-z]+:/i.test(href)) continue;
    const target = new URL(href, `http://x/${f}`).pathname.slice(1);
    if (!css.has(target)) css.set(target, fileSet.has(target) ? statSync(join(dir, target)).size : 0);
    bytes += css.get(target);
  }
  const k = kind(f);
  if (!weights.has(k)) weights.set(k, []);
  weights.get(k).push({ f, bytes });
}
const dashboard = weights.get("dashboard")?.[0];
if (dashboard && dashboard.bytes >= DASHBOARD_MAX)
  problem("weight", dashboard.f, `HTML+CSS is ${kb(dashboard.bytes)}, over ${kb(DASHBOARD_MAX)}`);

// ---- the browser
const server = await serve(dir, { prefix });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const context = await browser.newContext({ deviceScaleFactor: 1 });
const wide = await context.newPage();
await wide.setViewportSize({ width: 1280, height: 900 });
const narrow = await context.newPage();
await narrow.setViewportSize({ width: 390, height: 844 });
let current = "";
for (const p of [wide, narrow]) {
  p.on("console", (m) => {
    if (m.type() !== "error") return;
    const at = m.location()?.url;
    problem("console", current, `console error: ${m.text()}${at ? ` (${at})` : ""}`);
  });
  p.on("pageerror", (e) => problem("console", current, `page error: ${e.message}`));
  p.on("requestfailed", (r) => problem("requests", current, `${r.url()} failed: ${r.failure()?.errorText}`));
  p.on("response", (r) => r.status() >= 400 && problem("requests", current, `${r.url()} answered ${r.status()}`));
}
if (shots) {
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
}

// What the page holds: its links, its ids, its charts and its tables.
function survey() {
  const links = [];
  for (const el of document.querySelectorAll("a[href], area[href], link[href], img[src], source[src], iframe[src], use[href]")) {
    const raw = el.getAttribute("href") ?? el.getAttribute("src");
    links.push({ raw, url: new URL(raw, document.baseURI).href });
  }
  const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
  ids.push(...[...document.querySelectorAll("a[name]")].map((e) => e.getAttribute("name")));
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const svgs = [...document.querySelectorAll("svg[role=img]")].map((s) => ({
    id: s.getAttribute("aria-labelledby") || s.getAttribute("class") || "svg",
    shown: shown(s),
    title: [...s.children].find((c) => c.tagName.toLowerCase() === "title")?.textContent.trim() ?? "",
  }));
  const figures = [...document.querySelectorAll("figure.chart-fig")].map(
    (f) => [...f.querySelectorAll("svg[role=img]")].filter(shown).length,
  );
  const scripts = document.querySelectorAll("script").length;
  return { links, ids, svgs, figures, scripts };
}

// At 390 px: does the page scroll sideways, and which boxes stick out?
function sideways() {
  const width = window.innerWidth;
  const scrolls = (el) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
  const out = [];
  if (document.documentElement.scrollWidth > width) {
    for (const el of document.body.querySelectorAll("*")) {
      if (el.getBoundingClientRect().right <= width + 0.5) continue;
      let p = el.parentElement;
      while (p && p !== document.body && !scrolls(p)) p = p.parentElement;
      if (p && p !== document.body) continue; // clipped by a scrolling box
      const what = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + (el.classList.length ? `.${[...el.classList].join(".")}` : "");
      out.push(`${what} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
      if (out.length >= 3) break;
    }
  }
  const tables = [];
  for (const t of document.querySelectorAll("table")) {
    if (t.closest(".table-wrap") || scrolls(t)) continue;
    tables.push(t.caption?.textContent.trim() || t.querySelector("th")?.textContent.trim() || "table");
  }
  // A wrap that a keyboard cannot reach cannot be scrolled without a mouse
  // (axe's scrollable-region-focusable fires only where fonts make it cut).
  const unfocusable = [...document.querySelectorAll(".table-wrap")].filter((w) => w.tabIndex < 0).length;
  return { scrollWidth: document.documentElement.scrollWidth, width, out, tables, unfocusable };
}

// At 1280 px: tables that do not fit their box, a header of more than one row.
function fitsAt1280() {
  const out = [];
  for (const t of document.querySelectorAll("table")) {
    const w = t.getBoundingClientRect().width;
    if (!w) continue; // not shown: a closed <details>, the phone layout
    const box = t.closest(".table-wrap");
    const room = box ? box.clientWidth : t.clientWidth;
    const need = box ? t.scrollWidth : t.scrollWidth;
    if (need > room + 1) {
      const name = t.closest("[data-grid]")?.dataset.grid || t.caption?.textContent.trim() || t.querySelector("th")?.textContent.trim() || "table";
      out.push(`table "${name}" is ${Math.round(need)} px wide in a ${Math.round(room)} px box at 1280 px`);
    }
  }
  const header = document.querySelector(".site-header");
  if (header) {
    const tops = [...header.children, ...header.querySelectorAll(".main-nav > ul > li, .rules-menu")]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => r.top);
    if (Math.max(...tops) - Math.min(...tops) > 8) out.push(`the header takes more than one row at 1280 px (${Math.round(header.getBoundingClientRect().height)} px high)`);
  }
  return out;
}

// KPI cards: the last row of each grid reaches its right edge (no empty slot).
function cardsFill() {
  const out = [];
  for (const grid of document.querySelectorAll(".cards")) {
    const cards = [...grid.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0);
    if (!cards.length) continue;
    const lastTop = Math.max(...cards.map((r) => r.top));
    const right = Math.max(...cards.filter((r) => Math.abs(r.top - lastTop) < 2).map((r) => r.right));
    const edge = grid.getBoundingClientRect().right;
    if (edge - right > 4) out.push(`a row of KPI cards leaves ${Math.round(edge - right)} px empty at ${window.innerWidth} px`);
  }
  return out;
}

// The reading order and navigation every page shares: headings, breadcrumb,
// and for the owner's pages the verdict first.
function reading(kind) {
  const out = [];
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter((h) => !h.closest("svg"));
  const levels = headings.map((h) => +h.tagName[1]);
  if (levels.filter((l) => l === 1).length !== 1) out.push(`${levels.filter((l) => l === 1).length} h1 headings`);
  if (levels.length && levels[0] !== 1) out.push(`the first heading is h${levels[0]}, not h1`);
  levels.forEach((l, i) => i && l > levels[i - 1] + 1 && out.push(`h${levels[i - 1]} is followed by h${l} ("${headings[i].textContent.trim().slice(0, 40)}")`));
  const main = document.querySelector("main");
  if (["dashboard", "month"].includes(kind) && main) {
    const kids = [...main.children].filter((e) => !e.matches(".page-head"));
    const first = kids[0];
    if (!first?.matches("section.verdict")) out.push(`the first content after the header is ${first ? first.tagName.toLowerCase() + "." + [...first.classList].join(".") : "nothing"}, not the verdict strip`);
  }
  if (["month", "week", "manager", "stand-up", "idp", "rule page"].includes(kind)) {
    const after = document.querySelector("header.site-header")?.nextElementSibling;
    if (!after?.matches("nav.breadcrumb")) out.push("no breadcrumb under the header");
  }
  if (["manager", "stand-up"].includes(kind) && !document.querySelector("nav.pager a[rel=prev], nav.pager a[rel=next]")) out.push("no previous/next links");
  return out;
}

// At 390 px on the dashboard: every manager's % of plan in view without scrolling sideways.
function plansInView() {
  const grid = document.querySelector('[data-grid="matrix"]');
  const rows = grid ? grid.querySelectorAll("tbody tr").length : 0;
  if (!rows) return ["no manager matrix on the dashboard"];
  if (!grid.getBoundingClientRect().height) return ["the manager matrix is not shown at 390 px"];
  const figures = [...grid.querySelectorAll("tbody tr > td.key")];
  const out = [];
  if (figures.length !== rows) out.push(`${figures.length} of ${rows} managers' % of plan shown at 390 px`);
  for (const f of figures) {
    const r = f.getBoundingClientRect();
    const name = f.closest("tr")?.querySelector("th")?.textContent.trim();
    if (!r.width || f.closest("details:not([open])")) out.push(`${name}: % of plan hidden at 390 px`);
    else if (r.left < -1 || r.right > window.innerWidth + 1) out.push(`${name}: % of plan out of view at 390 px (${Math.round(r.left)}–${Math.round(r.right)} px)`);
  }
  return out;
}

// At 390 px: every per-manager table (data-grid) reads as cards, one per row:
// a row is a box inside the screen, not a table row; each cell shows its
// column's name (data-label, drawn before it) in type of at least 12 px;
// the name comes first, then the key figure and the marked cells, then the rest.
function gridCards() {
  const out = [];
  for (const grid of document.querySelectorAll("[data-grid]")) {
    const kind = grid.dataset.grid;
    const heads = [...grid.querySelectorAll("thead th")].map((h) => h.textContent.trim());
    let said = 0;
    for (const tr of grid.querySelectorAll("tbody tr")) {
      const name = tr.querySelector("th")?.textContent.trim() ?? "?";
      const say = (text) => said++ < 3 && out.push(`"${kind}", ${name}: ${text}`);
      const box = tr.getBoundingClientRect();
      if (getComputedStyle(tr).display === "table-row") say("a table row at 390 px, not a card");
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5) say(`the card reaches ${Math.round(box.left)}–${Math.round(box.right)} px`);
      const cells = [...tr.querySelectorAll(":scope > td")];
      const top = (el) => el.getBoundingClientRect().top;
      const face = cells.filter((td) => td.matches(".key, .marked"));
      const rest = cells.filter((td) => !td.matches(".key, .marked"));
      if (!cells[0]?.matches(".key")) say("the first figure is not marked as the key one");
      if (face.some((td) => top(td) < top(tr.querySelector("th")))) say("a figure above the name");
      if (rest.some((td) => face.some((f) => top(td) < top(f) - 0.5))) say("a figure above the key figure or a marked one");
      cells.forEach((td, i) => {
        const label = td.dataset.label;
        if (label !== heads[i + 1]) say(`cell ${i + 1} is labelled "${label ?? ""}", its column "${heads[i + 1]}"`);
        else if (getComputedStyle(td, "::before").content !== JSON.stringify(label)) say(`cell ${i + 1} does not show its label "${label}"`);
        const r = td.getBoundingClientRect();
        if (!r.width || !r.height) say(`cell ${i + 1} ("${label}") is not shown`);
        else if (parseFloat(getComputedStyle(td).fontSize) < 12) say(`cell ${i + 1} ("${label}") is in type under 12 px`);
      });
    }
  }
  return out;
}

async function axe(page, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    AXE_TAGS,
  );
  for (const v of result.violations)
    for (const n of v.nodes)
      problem("axe", current, `[${scheme}] ${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim().slice(0, 160)}`);
}

const surveys = new Map();
const seen = new Map(); // svg id -> shown at some width
for (const f of pages) {
  current = f;
  const url = server.base + f;
  const shot = f.replace(/(^|\/)index\.html$/, "").replace(/\.html$/, "").replaceAll("/", "_") || "index";

  const res = await wide.goto(url, { waitUntil: "load" });
  if (!res?.ok()) problem("requests", f, `the page answered ${res?.status()}`);
  const s = await wide.evaluate(survey);
  surveys.set(f, s);
  if (s.scripts) problem("script", f, `${s.scripts} <script> element(s) in the DOM`);
  s.svgs.forEach((v, i) => {
    if (!v.title) problem("svg", f, `chart ${v.id} has no <title>`);
    seen.set(`${f}#${i}`, { id: v.id, shown: v.shown });
  });
  s.figures.forEach((n, i) => n !== 1 && problem("svg", f, `chart figure ${i + 1} shows ${n} drawings at 1280 px`));
  for (const p of await wide.evaluate(fitsAt1280)) problem("layout", f, p);
  for (const p of await wide.evaluate(cardsFill)) problem("layout", f, p);
  for (const p of await wide.evaluate(reading, kind(f))) problem("reading", f, p);
  if (shots) await wide.screenshot({ path: join(shots, `${shot}-1280.png`), fullPage: true });
  await wide.evaluate(axeSource);
  await axe(wide, "light");
  await axe(wide, "dark");
  await wide.emulateMedia({ colorScheme: "light" });

  await narrow.goto(url, { waitUntil: "load" });
  const n = await narrow.evaluate(survey);
  n.svgs.forEach((v, i) => v.shown && seen.has(`${f}#${i}`) && (seen.get(`${f}#${i}`).shown = true));
  n.figures.forEach((c, i) => c !== 1 && problem("svg", f, `chart figure ${i + 1} shows ${c} drawings at 390 px`));
  const l = await narrow.evaluate(sideways);
  if (l.scrollWidth > l.width) problem("layout", f, `scrolls sideways at 390 px (${l.scrollWidth} px wide): ${l.out.join("; ")}`);
  for (const t of l.tables) problem("layout", f, `a table outside .table-wrap: ${t}`);
  if (l.unfocusable) problem("layout", f, `${l.unfocusable} .table-wrap without tabindex="0": a keyboard cannot scroll it`);
  for (const p of await narrow.evaluate(cardsFill)) problem("layout", f, p);
  for (const p of await narrow.evaluate(gridCards)) problem("layout", f, p);
  if (kind(f) === "dashboard") for (const p of await narrow.evaluate(plansInView)) problem("reading", f, p);
  if (shots) await narrow.screenshot({ path: join(shots, `${shot}-390.png`), fullPage: true });

  // A chart comes drawn twice (720 and 360 px); one shown at neither 1280 nor
  // 390 px (the dashboard's two-column grid) must show in between.
  if (s.svgs.some((_, i) => !seen.get(`${f}#${i}`).shown)) {
    await wide.setViewportSize({ width: 820, height: 900 });
    const m = await wide.evaluate(survey);
    m.svgs.forEach((v, i) => v.shown && seen.has(`${f}#${i}`) && (seen.get(`${f}#${i}`).shown = true));
    m.figures.forEach((c, i) => c !== 1 && problem("svg", f, `chart figure ${i + 1} shows ${c} drawings at 820 px`));
    await wide.setViewportSize({ width: 1280, height: 900 });
  }
}
for (const [key, v] of seen) if (!v.shown) problem("svg", key.split("#")[0], `chart ${v.id} has an empty box at 1280, 820 and 390 px`);

await browser.close();
await server.close();

// ---- links and anchors, now that every page's ids are known
let internal = 0;
let external = 0;
const ids = new Map([...surveys].map(([f, s]) => [f, new Set(s.ids)]));
for (const [f, s] of surveys) {
  for (const { raw, url } of s.links) {
    const u = new URL(url);
    if (u.origin !== server.origin) {
      if (/^https?:$/.test(u.protocol)) external++;
      continue;
    }
    internal++;
    const path = decodeURIComponent(u.pathname);
    if (!path.startsWith(prefix)) {
      problem("links", f, `${raw} leaves the site's prefix ${prefix} (${path})`);
      continue;
    }
    let target = path.slice(prefix.length);
    if (target === "" || target.endsWith("/")) target += "index.html";
    if (!fileSet.has(target)) {
      problem("links", f, `${raw} → ${target}: no such file`);
      continue;
    }
    const hash = decodeURIComponent(u.hash.slice(1));
    if (hash && !ids.get(target)?.has(hash)) problem("links", f, `${raw}: no id "${hash}" in ${target}`);
  }
}

// ---- the Nu Html Checker's answer
const v = await vnu;
if (v.error) problem("html", "vnu", v.error);
for (const m of v.messages ?? []) {
  if (m.type !== "error" && m.type !== "non-document-error") continue;
  const file = m.url?.startsWith("file:") ? relative(dir, fileURLToPath(m.url)) : m.url;
  problem("html", file, `${m.lastLine ?? "?"}:${m.firstColumn ?? "?"} ${m.message}`);
}

// ---- report
console.log(`\n== site test: ${name} (${dir}, served at ${prefix})`);
if (expectFailures) console.log("broken on purpose: each check below must report at least one problem");
console.log("page weight, HTML + CSS per page:");
for (const [k, list] of [...weights].sort((a, b) => a[0].localeCompare(b[0]))) {
  const b = list.map((x) => x.bytes).sort((x, y) => x - y);
  const range = b.length > 1 ? `${kb(b[0])} … ${kb(b[b.length - 1])}, median ${kb(b[b.length >> 1])}` : kb(b[0]);
  console.log(`  ${k.padEnd(16)} ${String(list.length).padStart(3)} page(s)  ${range}`);
}
console.log(`links: ${internal} internal checked, ${external} external not followed`);
if (shots) console.log(`screenshots: ${pages.length * 2} in ${relative(process.cwd(), shots) || "."}`);
const show = 12;
for (const c of CHECKS) {
  const list = problems[c];
  if (!list.length) continue;
  console.log(`${c}: ${list.length} problem(s)`);
  for (const p of list.slice(0, show)) console.log(`  ${p}`);
  if (list.length > show) console.log(`  … and ${list.length - show} more`);
}
const secs = ((Date.now() - started) / 1000).toFixed(1);
const count = (c) => problems[c].length;
const others = ["console", "requests", "svg", "layout", "reading", "script", "weight"].reduce((s, c) => s + count(c), 0);
console.log(
  `site test${expectFailures ? " (expecting failures)" : ""}: ${pages.length} pages, ${count("html")} HTML errors, ` +
    `${count("axe")} axe violations, ${count("links")} broken links, ${others} other problems — ${name}, ${secs} s`,
);
const ok = expectFailures ? CHECKS.every((c) => c === "weight" || count(c)) : !CHECKS.some(count);
if (summary) appendFileSync(summary, `${name} ${pages.length} ${count("html")} ${count("axe")} ${count("links")} ${others} ${ok ? "ok" : "FAILED"}\n`);
if (expectFailures) {
  const silent = CHECKS.filter((c) => c !== "weight" && !count(c));
  console.log(
    silent.length
      ? `site test: these checks found nothing on the broken fixture: ${silent.join(", ")}`
      : `site test: every check failed on the broken fixture, as it must (${CHECKS.filter((c) => c !== "weight").join(", ")})`,
  );
}
process.exit(ok ? 0 : 1);
