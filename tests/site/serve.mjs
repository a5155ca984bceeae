// A tiny static server for the built site, on 127.0.0.1 only, under a path
// prefix ("/" or "/salespulse/") as GitHub Pages serves a project site.
// Anything outside the prefix or missing is a 404; a folder serves its
// index.html. Used by site-test.mjs; also runnable to look at a build:
//
//   node serve.mjs ../../output [--prefix /salespulse/] [--port 8000]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `dir` under `prefix`; resolves to { origin, base, close() }. */
export async function serve(dir, { prefix = "/", port = 0 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const notFound = () => {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    };
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(prefix) || path.includes("\0")) return notFound();
    let file = join(root, path.slice(prefix.length));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      notFound();
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base: origin + prefix,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : dflt;
  };
  const prefix = opt("--prefix", "/");
  const port = Number(opt("--port", "8000"));
  const s = await serve(args[0] ?? "../../output", { prefix, port });
  console.log(`serving ${resolve(args[0] ?? "../../output")} at ${s.base} (Ctrl-C stops)`);
}
