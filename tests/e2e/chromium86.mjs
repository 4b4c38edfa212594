// A real headless Chromium 86.0.4240 — the engine of 360安全浏览器 13 极速模式 and of many 信创
// browsers — from npm's chrome-aws-lambda 5.3.1, which ships it brotli-compressed with its libraries.
// Unpacked once into node_modules/.cache, started with a DevTools port, driven over CDP.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";
// Driven by playwright-core 1.49 (under the alias playwright-chromium86): its injected script falls
// back where Element.checkVisibility (Chromium 105) is missing; the current one calls it always.
import { chromium } from "playwright-chromium86";

const root = fileURLToPath(new URL("../..", import.meta.url));
const shipped = join(root, "node_modules/chrome-aws-lambda/bin");
const unpacked = join(root, "node_modules/.cache/chromium-86");

/** The browser binary, unpacked on first use; the libraries it needs sit beside it. */
function executable() {
  const binary = join(unpacked, "chromium");
  if (existsSync(binary)) return binary;
  mkdirSync(unpacked, { recursive: true });
  for (const archive of ["aws", "swiftshader"]) {
    const folder = join(unpacked, archive);
    mkdirSync(folder, { recursive: true });
    execFileSync("tar", ["-x", "-C", folder], { input: brotliDecompressSync(readFileSync(join(shipped, `${archive}.tar.br`))) });
  }
  // Written last, so an interrupted unpacking is redone.
  writeFileSync(binary, brotliDecompressSync(readFileSync(join(shipped, "chromium.br"))), { mode: 0o755 });
  return binary;
}

/** Starts Chromium 86 and connects playwright to it; closing the browser ends the process. */
export async function launch86(extraArgs = []) {
  const profile = mkdtempSync(join(tmpdir(), "xxgk-chromium86-"));
  const child = spawn(executable(), [
    "--headless", "--no-sandbox", "--no-zygote", "--disable-gpu",
    "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--remote-debugging-port=0", `--user-data-dir=${profile}`, ...extraArgs,
    "about:blank",
  ], {
    env: { ...process.env, LD_LIBRARY_PATH: [join(unpacked, "aws/lib"), join(unpacked, "swiftshader")].join(":") },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const endpoint = await new Promise((resolve, reject) => {
    let said = "";
    const timer = setTimeout(() => reject(new Error(`Chromium 86 did not start:\n${said}`)), 20_000);
    child.stderr.on("data", (chunk) => {
      said += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(said);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium 86 exited (${code}):\n${said}`)));
  });
  child.stderr.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close().catch(() => {});
    child.kill("SIGKILL");
    rmSync(profile, { recursive: true, force: true });
  };
  return browser;
}
