// A tiny static server for the Trunk-built dist/: at / (the demo host page), and again under a deep
// CMS-like path with a page template that loads the widget through its loader script.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");
const pages = join(root, "tests/e2e/pages");
const editors = join(root, "tests/e2e/editors");
const modules = join(root, "node_modules");
/** `make bench`'s yardstick, a one-input Yew app built by Trunk from benches/one-input.html. */
const yardstick = join(root, "target/one-input");
/** Where a webmaster might upload the widget's files in a CMS. */
export const CMS_ASSETS = "/cms/uploads/2025/xxgk/";

/** Where tests/e2e/editors.mjs unpacks UEditor's source tree. */
export const UEDITOR = join(modules, ".cache/ueditor-1.4.3");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

/**
 * A portal server's defaults (nginx, IIS): pages and scripts without a charset, so a page's encoding
 * is in its <meta> and the browser reads its scripts in that encoding too. Pages under /legacy/, and
 * the widget's files under /legacy/xxgk/, are sent so.
 */
const LEGACY = "/legacy/";
const legacyTypes = { ...types, ".html": "text/html", ".js": "application/javascript" };

function resolve(url) {
  const path = decodeURIComponent(new URL(url, "http://x").pathname);
  // The article editors a portal embeds (tests/e2e/editors.mjs): the npm ones, and UEditor's
  // source tree with the test's page in its _examples folder.
  if (path.startsWith("/one-input/")) return join(yardstick, normalize(path.slice("/one-input/".length) || "index.html"));
  if (path.startsWith("/editors/")) return join(editors, normalize(path.slice("/editors/".length)));
  if (path.startsWith("/node_modules/")) return join(modules, normalize(path.slice("/node_modules/".length)));
  if (path === "/ueditor/_examples/xxgk.html") return join(editors, "ueditor.html");
  if (path.startsWith("/ueditor/")) return join(UEDITOR, normalize(path.slice("/ueditor/".length)));
  if (path.startsWith(CMS_ASSETS)) return join(dist, normalize(path.slice(CMS_ASSETS.length)));
  if (path.startsWith(`${LEGACY}xxgk/`)) return join(dist, normalize(path.slice(`${LEGACY}xxgk/`.length)));
  if (path.startsWith(LEGACY)) return join(pages, normalize(path.slice(LEGACY.length)));
  if (path.startsWith("/cms/")) return join(pages, normalize(path.slice("/cms/".length)));
  return join(dist, normalize(path === "/" ? "index.html" : path));
}

/** Starts the server on a free port of 127.0.0.1; resolves to its base URL and a close function. */
export async function serve() {
  const server = createServer(async (req, res) => {
    try {
      const file = resolve(req.url);
      const body = await readFile(file);
      // Open to pages of other sites, as a static file server for a portal is.
      res.writeHead(200, {
        "content-type": (req.url.startsWith(LEGACY) ? legacyTypes : types)[extname(file)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) };
}
