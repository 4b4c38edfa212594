// Where the widget cannot run, the clerk reads why and what to do — within 3 seconds, instead of a
// loading text that never ends. Runs in both engines of `make test` (current and Chromium 86).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "acorn";

import { Widget, reloadBlock, startSession } from "./widget.mjs";

const session = startSession();

/** The text the host element shows, once it is no longer the loading text. */
async function hostWord(page) {
  const host = page.locator("#xxgk-nianbao");
  // The host may come later than the page's load (a block the page puts in).
  await page.waitForFunction(() => document.getElementById("xxgk-nianbao")?.textContent.startsWith("正在加载") === false, null, {
    timeout: 3000,
  });
  return { text: await host.textContent(), role: await host.getAttribute("role") };
}

async function pageWith(browser, route) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (route) await page.route(route.pattern, route.handle);
  return page;
}

describe("a clear word where the widget cannot run", () => {
  test("the loader parses as ES3 without reserved words as property names, so IE's old document modes run it", () => {
    // IE 7 and 8 document modes (which old portal templates ask for, and 360's 兼容模式 honours)
    // parse ES3 and reject `promise.catch`.
    for (const built of ["src/xxgk-nianbao-loader.js", "dist/xxgk-nianbao-loader.js"]) {
      const source = readFileSync(new URL(`../../${built}`, import.meta.url), "utf8");
      assert.doesNotThrow(() => parse(source, { ecmaVersion: 3, allowReserved: "never" }), built);
    }
  });

  test("an engine without textContent or document.head (IE 8 document mode) still shows the word", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      delete window.WebAssembly;
      Object.defineProperty(Document.prototype, "head", { get: () => undefined });
      Object.defineProperty(Node.prototype, "textContent", { get: () => undefined, set: () => {} });
    });
    await page.goto(`${session.base}/cms/article.html`);
    await page.waitForFunction(() => /版本过低/.test(document.getElementById("xxgk-nianbao").innerText), null, { timeout: 3000 });
    assert.match(await page.locator("#xxgk-nianbao").innerText(), /当前浏览器内核版本过低.*极速模式/);
  });

  test("an engine without WebAssembly is told to switch to 极速模式 or a new browser", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => delete window.WebAssembly);
    await page.goto(`${session.base}/cms/article.html`);
    const word = await hostWord(page);
    assert.match(word.text, /当前浏览器内核版本过低.*极速模式/);
    assert.equal(word.role, "alert");
  });

  test("an engine that cannot compile the module is told the same", async () => {
    // A module using an instruction no engine has, as the widget's module is to an engine
    // older than Chromium 86.
    const futureModule = Buffer.from([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
      0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type: () -> ()
      0x03, 0x02, 0x01, 0x00, // one function
      0x0a, 0x06, 0x01, 0x04, 0x00, 0xfc, 0x7f, 0x0b, // its body: an unknown 0xfc instruction
    ]);
    const page = await pageWith(session.browser, {
      pattern: "**/xxgk-nianbao_bg.wasm",
      handle: (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: futureModule }),
    });
    await page.goto(`${session.base}/`);
    assert.match((await hostWord(page)).text, /当前浏览器内核版本过低.*极速模式/);
  });

  /** The article page served with a Content-Security-Policy header. */
  const withPolicy = (policy) => pageWith(session.browser, {
    pattern: "**/cms/article.html",
    handle: async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
    },
  });

  test("a page whose security policy forbids WebAssembly tells the webmaster what to allow", async () => {
    for (const policy of ["script-src 'self' 'unsafe-inline'", "default-src 'self'"]) {
      const page = await withPolicy(policy);
      await page.goto(`${session.base}/cms/article.html`);
      const word = await hostWord(page);
      assert.match(word.text, /安全策略（Content-Security-Policy）不允许运行 WebAssembly.*网站管理员.*'wasm-unsafe-eval'.*'unsafe-eval'/, policy);
      assert.doesNotMatch(word.text, /版本过低/, "the browser is not to blame");
      await page.context().close();
    }
    // What the word asks for is enough (Chromium 86 knows only 'unsafe-eval').
    const page = await withPolicy("script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' 'unsafe-eval'");
    await page.goto(`${session.base}/cms/article.html`);
    await new Widget(page).cell("meta.agency").waitFor();
  });

  test("a JS glue and module of different versions (a cache after an update) ask for Ctrl+F5", async () => {
    // A glue of another build does not give the module's first import, which is named by a hash of
    // every name the two share (src/short-names.mjs), and gives one the module does not know.
    const dist = (file) => new URL(`../../dist/${file}`, import.meta.url);
    const [first] = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(dist("xxgk-nianbao_bg.wasm"))));
    const glue = readFileSync(dist("xxgk-nianbao.js"), "utf8");
    const otherGlue = glue.replace(new RegExp(`(?<![\\w$])${first.name.replaceAll("$", "\\$")}(?=[(:])`), "zzzzz");
    assert.notEqual(otherGlue, glue);
    const page = await pageWith(session.browser, {
      pattern: "**/xxgk-nianbao.js",
      handle: (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: otherGlue }),
    });
    await page.goto(`${session.base}/cms/article.html`);
    const word = await hostWord(page);
    assert.match(word.text, /程序文件版本不一致.*Ctrl\+F5/);
    assert.doesNotMatch(word.text, /版本过低/);
  });

  test("a wasm file that cannot be downloaded names the file and the webmaster", async () => {
    const page = await pageWith(session.browser, {
      pattern: "**/xxgk-nianbao_bg.wasm",
      handle: (route) => route.fulfill({ status: 404, body: "not found" }),
    });
    await page.goto(`${session.base}/cms/article.html`);
    const word = await hostWord(page);
    assert.match(word.text, /无法下载编制助手的程序文件 xxgk-nianbao_bg\.wasm（HTTP 404）.*网站管理员/);
    assert.match(word.text, /\/cms\/uploads\/2025\/xxgk\//, "says where the files were looked for");
  });

  test("a block the page puts in anew after the widget could not start says the same word", async () => {
    const page = await pageWith(session.browser, {
      pattern: "**/xxgk-nianbao_bg.wasm",
      handle: (route) => route.fulfill({ status: 404, body: "not found" }),
    });
    await page.goto(`${session.base}/cms/jquery-block.html`);
    assert.match((await hostWord(page)).text, /无法下载编制助手的程序文件 xxgk-nianbao_bg\.wasm（HTTP 404）/);
    // The page reloads its block (a tab); the loader runs again and says it there too.
    await reloadBlock(page);
    assert.match((await hostWord(page)).text, /无法下载编制助手的程序文件 xxgk-nianbao_bg\.wasm（HTTP 404）/);
    await page.context().close();
  });

  test("a JS glue that cannot be downloaded is said the same way", async () => {
    const page = await pageWith(session.browser, {
      pattern: "**/xxgk-nianbao.js",
      handle: (route) => route.fulfill({ status: 404, body: "not found" }),
    });
    await page.goto(`${session.base}/`);
    assert.match((await hostWord(page)).text, /无法下载编制助手的程序文件 xxgk-nianbao\.js.*网站管理员/);
  });

  test("a worker that cannot be downloaded is said where the clerk pasted, and nothing changes", async () => {
    const page = await pageWith(session.browser, {
      pattern: "**/xxgk-nianbao-worker*",
      handle: (route) => route.fulfill({ status: 404, body: "not found" }),
    });
    await page.goto(`${session.base}/`);
    const w = new Widget(page);
    await w.type("meta.agency", "某局");
    await w.action("paste-import").click();
    await page.getByTestId("import-source").fill("三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1");
    await w.action("read-import").click();
    const notice = page.getByTestId("file-notice");
    await notice.waitFor({ timeout: 20_000 });
    assert.match(await notice.textContent(), /无法启动编制助手的后台程序.*网站管理员/);
    assert.equal(await w.value("meta.agency"), "某局");
    // The preview, drawn by the same worker, says the same where it would be.
    await page.getByTestId("preview").scrollIntoViewIfNeeded();
    const failed = page.getByTestId("preview-error");
    await failed.waitFor({ timeout: 20_000 });
    assert.match(await failed.textContent(), /无法启动编制助手的后台程序/);
  });

  test("the widget's files on a static server of another site: the widget and its worker run", async () => {
    // The page comes from localhost, the widget's files from 127.0.0.1: two sites to the browser.
    const page = await (await session.browser.newContext()).newPage();
    await page.goto(`${session.base.replace("127.0.0.1", "localhost")}/cms/static-server.html`);
    const w = new Widget(page);
    await w.cell("meta.agency").waitFor();
    assert.equal(new URL(page.url()).hostname, "localhost");
    // The worker reads a pasted report and draws the preview.
    await w.action("paste-import").click();
    await page.getByTestId("import-source").fill("三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1");
    await w.action("read-import").click();
    await w.shows("requests.received.natural_person", "1");
    assert.match(await w.source(), /<table/);
  });

  test("a wasm file served with the wrong type still loads", async () => {
    const page = await pageWith(session.browser, {
      pattern: "**/xxgk-nianbao_bg.wasm",
      handle: async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
      },
    });
    await page.goto(`${session.base}/`);
    const w = new Widget(page);
    await w.type("requests.received.natural_person", "4");
    assert.equal(await w.value("requests.received.total"), "4");
  });
});

describe("a portal page in GB2312", () => {
  /**
   * The GB2312 article page as many portals serve it: the page's encoding only in its <meta>, and
   * scripts without a charset (nginx's and IIS's default), so the browser reads them in GBK too.
   */
  async function gb2312Page({ init } = {}) {
    const page = await (await session.browser.newContext()).newPage();
    if (init) await page.addInitScript(init);
    await page.goto(`${session.base}/legacy/article-gbk.html`);
    assert.equal(await page.evaluate(() => document.characterSet), "GBK");
    return page;
  }

  test("the loader's word reads right", async () => {
    const page = await gb2312Page({ init: () => delete window.WebAssembly });
    assert.match((await hostWord(page)).text, /^当前浏览器内核版本过低，无法运行编制助手。请切换到“极速模式”/);
    await page.context().close();
  });

  test("the widget runs, reads a pasted report and says its words right", async () => {
    const page = await gb2312Page();
    const w = new Widget(page);
    await w.action("paste-import").click();
    await page.getByTestId("import-source").fill("某某局2024年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1");
    await w.action("read-import").click();
    await w.shows("requests.received.natural_person", "1");
    assert.equal(await w.value("meta.year"), "2024");
    await w.type("meta.agency", "某某局");
    assert.equal(await w.value("meta.agency"), "某某局");
    assert.match(await page.locator("label", { hasText: "机关全称" }).first().textContent(), /机关全称/);
    assert.match(await page.getByTestId("file-notice").textContent(), /^已打开“粘贴的内容”/);
    assert.match(await w.source(), /收到和处理政府信息公开申请情况/);
    await page.context().close();
  });
});
