#!/usr/bin/env node
// Serves the built demo (web-demo/dist/) on 127.0.0.1 only, every response with the strict
// Content-Security-Policy the pages are written for. `PORT=8765 node web-demo/serve.mjs`
// (or `npm run serve`); PORT=0 picks a free port.
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

const HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

function send(res, status, body, type = "text/plain; charset=utf-8", extra = {}) {
  res.writeHead(status, { ...HEADERS, "content-type": type, "content-length": Buffer.byteLength(body), ...extra });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/** The file a request path names inside `root`, or null when it names nothing there. */
async function locate(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  if (decoded.endsWith("/")) decoded += "index.html";
  const candidate = resolve(root, "." + decoded);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    // Symbolic links are followed only to files that are inside the root too.
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Serves the folder `dir`. Resolves to the listening server. */
export async function serveDirectory(dir, { port = 0, host = "127.0.0.1" } = {}) {
  const root = await realpath(resolve(dir));
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, "method not allowed\n", undefined, { allow: "GET, HEAD" });
      return;
    }
    let pathname;
    try {
      pathname = new URL(req.url, "http://localhost").pathname;
    } catch {
      send(res, 400, "bad request\n");
      return;
    }
    const file = await locate(root, pathname);
    if (!file) {
      send(res, 404, "not found\n");
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...HEADERS, "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": body.length });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      send(res, 500, "cannot read the file\n");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dist = join(here, "dist");
  const port = Number(process.env.PORT ?? 8765);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`web-demo/serve.mjs: PORT must be a port number, not ${process.env.PORT}\n`);
    process.exit(2);
  }
  if (!existsSync(join(dist, "index.html"))) {
    process.stderr.write("web-demo/serve.mjs: the demo is not built; run `npm run demo:build` (or `make`) first\n");
    process.exit(1);
  }
  try {
    const server = await serveDirectory(dist, { port });
    process.stdout.write(`measure-rules demo: http://127.0.0.1:${server.address().port}/  (embed example: /embed.html; Ctrl-C stops)\n`);
    const stop = () => server.close(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    process.stderr.write(`web-demo/serve.mjs: cannot serve on 127.0.0.1:${port}: ${error.message}\n`);
    process.exit(1);
  }
}
