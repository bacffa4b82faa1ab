// A static file server for the browser tests: the repository's package, fixtures and data,
// on 127.0.0.1 only, with the strict Content-Security-Policy the demo page is served with.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css" };
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const ALLOWED = ["wasm/npm/", "tests/", "data/", "schemas/"];

export function serve(root, port = 0) {
  const server = createServer(async (req, res) => {
    if (req.url === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^[/\\]+/, "");
    if (path.includes("..") || !ALLOWED.some((p) => path.split(sep).join("/").startsWith(p))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "content-security-policy": CSP, "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
