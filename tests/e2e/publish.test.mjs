// Publishing as a clerk does it: naming the site's editor once, copying the way it needs, and
// 核对发布结果 — the published page pasted back into the widget and held against the report.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";

import { publishedPage } from "./editors.mjs";
import { FIREFOX, Widget, startSession } from "./widget.mjs";

const fixtures = new URL("../fixtures/editors/", import.meta.url);
const REPORT = readFileSync(new URL("report.json", fixtures), "utf8");
const saved = (editor) => readFileSync(new URL(`${editor}.html`, fixtures), "utf8");

const session = startSession();
const clipboard = { context: { permissions: ["clipboard-read", "clipboard-write"] } };

async function widgetWithReport(options = clipboard, report = REPORT) {
  const w = await Widget.open(session.browser, `${session.base}/`, options);
  const file = { name: "report.json", mimeType: "application/json", buffer: Buffer.from(report) };
  await w.openFile("open-file", file, "requests.received.natural_person");
  return w;
}

/** Pastes into `area` with Control+V, as a clerk does, until what was copied (holding `copied`)
 * has arrived: the browser writes its clipboard on its own time, and a paste before that pastes
 * nothing, or what was copied before. */
async function pasteUntil(area, copied) {
  for (let tries = 1; ; tries++) {
    await area.fill("");
    await area.focus();
    await area.page().keyboard.press("Control+V");
    const arrived = await area.page()
      .waitForFunction(([area, copied]) => area.value.includes(copied), [await area.elementHandle(), copied], { timeout: 3000 })
      .then(() => true, (error) => { if (tries === 5) throw error; return false; });
    if (arrived) return;
  }
}

const chooser = (w) => w.action("portal-editor");
const steps = (w) => w.page.getByTestId("editor-steps");
const result = (w) => w.page.getByTestId("verify-result");

describe("a quiet console", () => {
  test("opening a report, drawing the preview and copying leave no warning or error in the console", async () => {
    // Webmasters read the console when something looks wrong: the widget's own runs say nothing.
    const said = [];
    const listen = (from) => (message) => {
      const url = message.location()?.url ?? "";
      if (["warning", "error"].includes(message.type()) && !url.endsWith("/favicon.ico")) {
        said.push(`${from}: ${message.text()}`);
      }
    };
    const context = await session.browser.newContext(clipboard.context);
    context.on("page", (page) => {
      page.on("console", listen("page"));
      page.on("worker", (worker) => worker.on("console", listen("worker")));
    });
    const page = await context.newPage();
    await page.goto(`${session.base}/`);
    const w = new Widget(page);
    await w.cell("meta.agency").waitFor();
    const file = { name: "report.json", mimeType: "application/json", buffer: Buffer.from(REPORT) };
    await w.openFile("open-file", file, "requests.received.natural_person");
    assert.match(await w.source(), /<table/);
    await w.action("copy-source").click();
    await page.getByTestId("copy-status").waitFor();
    assert.deepEqual(said, []);
  });
});

describe("the site's editor", () => {
  test("is named once: the advice and the emphasised copy follow it, and a reload keeps it", async () => {
    const w = await widgetWithReport();
    assert.equal(await chooser(w).inputValue(), "unknown");
    assert.match(await steps(w).textContent(), /看一眼表格线/);
    assert.match(await w.action("copy-rich").getAttribute("class"), /xx-primary/);

    await chooser(w).selectOption("ckeditor4");
    assert.match(await steps(w).textContent(), /点“复制 HTML 源码”，在 CKEditor 4 中点“源码”按钮/);
    assert.match(await w.action("copy-source").getAttribute("class"), /xx-primary/);
    assert.doesNotMatch((await w.action("copy-rich").getAttribute("class")) ?? "", /xx-primary/);
    await w.action("copy-source").click();
    assert.match(await w.page.getByTestId("copy-status").textContent(), /在 CKEditor 中点“源码”按钮/);

    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    assert.equal(await chooser(w).inputValue(), "ckeditor4");

    await chooser(w).selectOption("wangeditor");
    assert.match(await steps(w).textContent(), /请网站管理员在文章页模板中加一行表格线样式/);
    await chooser(w).selectOption("ueditor");
    assert.match(await steps(w).textContent(), /点“复制 HTML 源码”，在 UEditor 中点“源代码”按钮.*边框合并/);
    await chooser(w).selectOption("tinymce");
    await w.action("copy-rich").click();
    assert.equal(await w.page.getByTestId("copy-status").textContent(), "已复制，请在 TinyMCE 中按 Ctrl+V 粘贴。");
    await w.page.context().close();
  });
});

describe("the worker", () => {
  test("refuses a message that is not one of its jobs, never taking it for another", async () => {
    const w = await widgetWithReport();
    const said = await w.page.evaluate((report) => new Promise((resolve) => {
      const worker = new Worker("xxgk-nianbao-worker_loader.js");
      const answers = [];
      worker.onmessage = (event) => {
        if (event.data === "ready") {
          // A kind it does not know, a 核对 without its page, a 图解 told a count where the widget
          // says what is still to be done, no job at all, then a real one (the report, and nothing
          // still to be done).
          const jobs = [["核对", report, "<p>某局</p>"], ["verify", report], ["render", report, 0], "verify", ["render", report, null]];
          for (const message of jobs) {
            worker.postMessage(message);
          }
          return;
        }
        answers.push(event.data);
        if (answers.length === 5) resolve(answers);
      };
    }), REPORT);
    const refused = ["refused", "编制助手的后台程序与页面的版本不一致：请按 Ctrl+F5 强制刷新本页（填写的内容已自动保存）"];
    assert.deepEqual(said.slice(0, 4), [refused, refused, refused, refused]);
    assert.equal(said[4][0], "rendering");
    assert.match(said[4][1], /^<h3/);
    await w.page.context().close();
  });

  test("answers each job with its own answer, however they overlap", async () => {
    const w = await widgetWithReport();
    await w.source();
    // A long 核对 (two megabytes of a page) is in the worker when the clerk, having just typed,
    // copies the source: the copy needs the report drawn afresh by the same worker.
    const long = saved("ueditor").padEnd(2 * 1024 * 1024, " 一、本年新收政府信息公开申请数量 12 ");
    await w.page.getByTestId("verify-source").evaluate((area, text) => { area.value = text; }, long);
    await w.type("meta.signed_by", "某某局办公室");
    await w.action("verify").click();
    await w.action("copy-source").click();
    await w.page.getByTestId("copy-status").waitFor();
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith("<h3") && copied.includes(">某某局办公室</p>"), "the copy is the report as it is now");
    await result(w).locator("p").first().waitFor();
    assert.match(await result(w).textContent(), /发布页与报告有 1 处不同/, "核对 got its own answer");
    assert.ok(await result(w).locator('tr[data-field="meta.signed_by"]').count());
    await w.page.context().close();
  });
});

describe("核对发布结果", () => {
  test("the published page, copied from the browser and pasted in, holds every number and text", async () => {
    const w = await widgetWithReport();
    // The page as UEditor saved it, shown on the portal; the clerk selects all and copies.
    const page = await publishedPage(w.page.context(), saved("ueditor"), { articleCss: true });
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+C");
    await w.page.bringToFront();
    await pasteUntil(w.page.getByTestId("verify-source"), "本年新收");
    await w.action("verify").click();
    await result(w).locator("p").waitFor();
    assert.equal(await result(w).textContent(), "发布页与报告一致（200 个数字、20 段文字）");
    await w.page.context().close();
  });

  test("核对 with nothing pasted says what to paste, and the verdict then takes its place", async () => {
    const w = await widgetWithReport();
    await w.action("verify").click();
    const notice = w.page.getByTestId("verify-notice");
    assert.match(await notice.textContent(), /^还没有发布页可核对：请先粘贴到上面的框里/);
    await w.page.getByTestId("verify-source").fill(saved("ueditor"));
    await w.action("verify").click();
    await result(w).getByText("发布页与报告一致").waitFor();
    assert.equal(await notice.count(), 0, "what no longer holds is not left beside the verdict");
    await w.page.context().close();
  });

  test("a page that is the report, while the report still has errors, is not said to be done", async () => {
    const w = await widgetWithReport();
    // One more carried forward than the column balances with: the preview prints it as it is.
    const carried = Number(await w.value("requests.carried_forward.natural_person"));
    await w.type("requests.carried_forward.natural_person", String(carried + 1));
    await w.page.getByTestId("verify-source").fill(await w.source());
    await w.action("verify").click();
    const said = w.page.getByTestId("verify-to-do");
    await said.waitFor();
    assert.match(await said.textContent(), /^发布页与报告一致（200 个数字、20 段文字），但报告还有 \d+ 个错误，发布前应当改正。$/);
    assert.equal(await result(w).locator(".xx-ok").count(), 0, "nothing said as done");
    await w.page.context().close();
  });

  test("names each number the page prints differently and each paragraph it lacks or changed, where they are", async () => {
    const w = await widgetWithReport();
    const paragraph = "2022年我局共收到信息公开申请9906件。";
    const page = saved("tinymce").replace(paragraph, "").replace(">9906<", ">9960<");
    await w.page.getByTestId("verify-source").fill(page);
    await w.action("verify").click();
    const total = result(w).locator('tr[data-field="requests.received.total"] td');
    await total.first().waitFor();
    assert.deepEqual(await total.allTextContents(), ["表三「一、本年新收」行「总计」列", "9906", "9960"]);
    const note = result(w).locator('tr[data-field="requests.note"] td');
    assert.deepEqual((await note.allTextContents()).slice(1), [paragraph, "（缺）"]);
    assert.match(await result(w).textContent(), /发布页与报告有 2 处不同/);

    // A paragraph reworded in the editor is shown as the page prints it, with what differs.
    const reworded = "2022年我局共受理信息公开申请9906件。";
    await w.page.getByTestId("verify-source").fill(saved("tinymce").replace(paragraph, reworded));
    await w.action("verify").click();
    await result(w).getByText("页面多出").waitFor();
    assert.deepEqual((await note.allTextContents()).slice(1), [paragraph, `${reworded}页面缺少“${paragraph}”；页面多出“${reworded}”`]);
    await w.page.context().close();
  });

  test("reads a saved page file, and says when the editor left the tables without lines", async () => {
    const w = await widgetWithReport();
    await w.action("verify-file").setInputFiles({ name: "发布页.html", mimeType: "text/html", buffer: Buffer.from(saved("wangeditor5")) });
    await result(w).locator("p").first().waitFor();
    assert.match(await result(w).textContent(), /发布页与报告一致（200 个数字、20 段文字）/);
    assert.match(await w.page.getByTestId("verify-unlined").textContent(), /表二、表三、表四没有表格线/);
    await w.page.context().close();
  });

  test("a report published as a Word or PDF attachment is held against the report too", async () => {
    // Many portals publish the report as an attached Word file or PDF rather than as the article's HTML.
    for (const [name, mimeType] of [
      ["report_wps.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["report.doc", "application/msword"],
      ["report.pdf", "application/pdf"],
    ]) {
      // The files were made while the report's 依申请公开 paragraph still said 0 (tests/import.rs).
      const w = await widgetWithReport(clipboard, REPORT.replace("办理依申请公开11121件", "办理依申请公开0件"));
      const buffer = readFileSync(new URL(`../fixtures/docx/${name}`, import.meta.url));
      await w.action("verify-file").setInputFiles({ name, mimeType, buffer });
      await result(w).locator("p").first().waitFor();
      assert.equal(await result(w).locator("p").first().textContent(), "发布页与报告一致（200 个数字、20 段文字）", name);
      await w.page.context().close();
    }
  });

  test("a page with no report in it is said to be one", async () => {
    const w = await widgetWithReport();
    await w.page.getByTestId("verify-source").fill("关于做好春节期间安全生产工作的通知");
    await w.action("verify").click();
    await result(w).locator("p").waitFor();
    assert.equal(await result(w).textContent(), "没有找到年度报告的表格和正文");
    await w.page.context().close();
  });
});

describe("打印 / 另存为 PDF", () => {
  // Printing to PDF is the driver's in Chromium only; in Firefox the print dialog would stay open.
  test("prints the report alone on A4: every number, the title, table 三's headers on each page it runs over", {
    skip: FIREFOX && "the driver prints to PDF in Chromium only",
  }, async () => {
    const w = await widgetWithReport();
    await w.action("print").click();
    const frame = w.page.getByTestId("print-frame");
    await frame.waitFor({ state: "attached" });
    assert.match(await w.page.getByTestId("copy-status").textContent(), /另存为 PDF/);
    // What the frame prints, printed to PDF by the same browser, and its text as pdftotext reads it.
    const document = await frame.getAttribute("srcdoc");
    const page = await w.page.context().newPage();
    await page.setContent(document);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const text = pdfText(pdf);
    const pages = text.split("\f").filter((p) => p.trim());
    assert.ok(pages.length >= 3, `${pages.length} A4 pages`);
    assert.match(pages[0].replace(/\s+/g, ""), /咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告/);
    const fields = JSON.parse(REPORT).fields;
    for (const [key, value] of Object.entries(fields)) {
      if (/^(proactive|requests|appeals)\./.test(key) && !key.endsWith(".note")) {
        assert.match(text, new RegExp(`(^|\\s)${value.replace(".", "\\.")}(\\s|$)`, "m"), `${key} = ${value}`);
      }
    }
    // Table 三 from its first row to its last: each page it is on starts with its column headers.
    const first = pages.findIndex((p) => p.includes("一、本年新收政府信息公开申请数量"));
    const last = pages.findIndex((p) => p.includes("四、结转下年度继续办理"));
    assert.ok(first >= 0 && last >= first);
    for (let p = first; p <= last; p++) assert.match(pages[p], /申请人情况/, `page ${p + 1} repeats the headers`);
    // Printing leaves the form where it was.
    assert.equal(await w.value("requests.received.natural_person"), "1581");
    await w.page.context().close();
  });
});

describe("copying by hand", () => {
  test("the preview's source copied with Ctrl+C is the browser's copy, said with what is still to be done", async () => {
    const w = await Widget.open(session.browser, `${session.base}/`, clipboard);
    await w.loadExample(); // whole and right
    assert.match(await w.source(), /<table/);
    const status = w.page.getByTestId("copy-status");
    const copySource = async () => {
      await w.page.getByTestId("source").click();
      await w.page.keyboard.press("Control+a");
      await w.page.keyboard.press("Control+c");
      return w.page.evaluate(() => navigator.clipboard.readText());
    };
    assert.equal(await copySource(), await w.source(), "the source, as selected");
    assert.equal(await status.count(), 0, "a whole, right report: nothing said over the browser's copy");

    await w.type("requests.received.research", "");
    await w.page.waitForFunction(() =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-testid="preview"]').dataset.state === "current");
    // 核对's box holds the portal's page, not the report: a copy there is not the report leaving.
    await w.page.getByTestId("verify-source").fill("网站上的文章页");
    await w.page.getByTestId("verify-source").click();
    await w.page.keyboard.press("Control+a");
    await w.page.keyboard.press("Control+c");
    assert.equal(await w.page.evaluate(() => navigator.clipboard.readText()), "网站上的文章页");
    await w.page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn, 0))));
    assert.equal(await status.count(), 0, "nothing said of a copy from 核对's box");
    await copySource();
    await status.waitFor();
    assert.match(await status.textContent(), /^已复制选中的内容。注意：报告尚未填完：1 个数字格未填，将按 0 发布。$/);
    assert.equal(await status.getAttribute("class"), "xx-status xx-warning");
    await w.page.context().close();
  });
});

describe("Ctrl+P", () => {
  test("in the form prints the report alone, and with open errors asks first, in view", async () => {
    const w = await widgetWithReport();
    // Headless Firefox leaves its print dialog open, and the page under it takes no input: there the
    // frame's print() is recorded instead (that the frame is printed is what the test reads).
    if (FIREFOX) await w.page.context().addInitScript(() => { window.print = () => {}; });
    const cell = w.cell("requests.received.natural_person");
    await cell.focus();
    await w.page.evaluate(() => document.addEventListener("keydown", (e) => { window.xxPrintKept = e.defaultPrevented; }));
    await w.page.keyboard.press("Control+p");
    assert.equal(await w.page.evaluate(() => window.xxPrintKept), true, "not the portal's page with the form on it");
    const frame = w.page.getByTestId("print-frame");
    await frame.waitFor({ state: "attached" });
    assert.match(await frame.getAttribute("srcdoc"), /咸宁市政务服务和大数据管理局/);

    await cell.fill("x");
    await w.cell("meta.agency").focus();
    await w.page.keyboard.press("Control+p");
    const question = w.page.locator(".xx-publish .xx-confirm");
    await question.waitFor();
    const box = await question.boundingBox();
    const height = await w.page.evaluate(() => innerHeight);
    assert.ok(box.y >= 0 && box.y + box.height <= height, "the question about the errors is on the screen");
    assert.match(await question.textContent(), /个错误/);
    // The focus is on the safe answer: Enter prints nothing and goes back to the wrong cell.
    await frame.evaluate((f) => f.setAttribute("data-printed-before", ""));
    assert.equal(await w.focusedAction(), "cancel");
    assert.equal(await w.action("cancel").textContent(), "先去改正");
    await w.page.keyboard.press("Enter");
    await question.waitFor({ state: "detached" });
    assert.equal(await w.focusedKey(), "requests.received.natural_person", "the wrong cell has the focus");
    assert.equal(await w.page.locator('[data-testid="print-frame"]:not([data-printed-before])').count(), 0, "nothing printed");
    // Going on takes the other answer: Tab to it, or a click.
    await w.page.keyboard.press("Control+p");
    await question.waitFor();
    await w.page.keyboard.press("Shift+Tab");
    await w.page.keyboard.press("Enter");
    await w.page.locator('[data-testid="print-frame"]:not([data-printed-before])').waitFor({ state: "attached" });
    await w.page.context().close();
  });
});

function pdfText(pdf) {
  const dir = mkdtempSync(join(tmpdir(), "xxgk-print-"));
  writeFileSync(join(dir, "report.pdf"), pdf);
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", join(dir, "report.pdf"), "-"], { encoding: "utf8" });
  // Chromium 86's PDFs map some characters to their Kangxi radical forms (⼤ for 大).
  return text.normalize("NFKC");
}

describe("一键排版", () => {
  test("shows each change before and after, applies them only when asked, and undoes them in one step", async () => {
    const w = await widgetWithReport({ ...clipboard, clock: true });
    const messy = "加强管理,落实责任 .\n1、按月检查( 注：专人负责 );2、按季通报;";
    await w.type("overview.management", messy);
    await w.page.clock.fastForward(1100); // a pause, so the typing is its own step
    await w.action("tidy").click();
    const row = w.page.locator('[data-testid="tidy"] tr[data-field="overview.management"] td');
    await row.first().waitFor();
    assert.deepEqual((await row.allTextContents()).slice(1), [messy, "加强管理，落实责任。\n\n1.按月检查（注：专人负责）。\n\n2.按季通报。"]);
    assert.equal(await w.value("overview.management"), messy, "nothing changes before 全部应用");
    await w.action("apply-tidy").click();
    assert.equal(await w.value("overview.management"), "加强管理，落实责任。\n\n1.按月检查（注：专人负责）。\n\n2.按季通报。");
    assert.match(await w.page.getByTestId("copy-status").textContent(), /已排版 \d+ 处文字/);
    // Tidy again: nothing more to do.
    await w.action("tidy").click();
    await w.page.getByTestId("copy-status").filter({ hasText: "无需排版" }).waitFor();
    assert.equal(await w.page.getByTestId("copy-status").textContent(), "文字已是规范格式，无需排版。");
    // One undo takes every change back.
    await w.action("undo").click();
    assert.equal(await w.value("overview.management"), messy);
    await w.page.context().close();
  });
});

describe("按表格生成", () => {
  test("drafts the sentences from the tables, shows them first, and places them as one undoable step", async () => {
    const w = await widgetWithReport();
    const typed = await w.value("requests.note");
    await w.page.locator('[data-action="draft-from-tables"][data-for="requests.note"]').click();
    const draft = w.page.getByTestId("draft");
    await draft.waitFor();
    const sentence = (await draft.locator("p").textContent()).trim();
    assert.equal(
      sentence,
      "本年度共收到政府信息公开申请9906件（自然人1581件、法人或其他组织8325件），上年结转1215件；办结8001件，其中予以公开21件、部分公开57件、不予公开1752件、无法提供1251件、不予处理2805件、其他处理2115件；结转下年度继续办理3120件。",
    );
    assert.equal(await w.value("requests.note"), typed, "shown, not yet placed");
    await w.action("draft-end").click();
    assert.equal(await w.value("requests.note"), `${typed}\n\n${sentence}`);
    assert.equal(await draft.count(), 0);
    await w.action("undo").click();
    assert.equal(await w.value("requests.note"), typed, "one undo takes it back");
    // Put away without placing: nothing changes.
    await w.page.locator('[data-action="draft-from-tables"][data-for="appeals.note"]').click();
    await w.action("draft-cancel").click();
    assert.equal(await w.page.getByTestId("draft").count(), 0);
    await w.page.context().close();
  });
});

describe("下载 Word", () => {
  test("gives a .docx of the report that opens again with every number", async () => {
    const w = await widgetWithReport();
    const { name, bytes } = await w.download("download-word");
    assert.equal(name, "咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告.docx");
    assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
    // Opened as a published report in a fresh widget, it gives back the tables.
    const again = await Widget.open(session.browser, `${session.base}/`);
    const word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    await again.openFile("open-file", { name, mimeType: word, buffer: bytes }, "requests.received.natural_person");
    const fields = JSON.parse(REPORT).fields;
    for (const key of ["proactive.fees.amount", "requests.received.natural_person", "requests.other_handling.other.other_org", "appeals.suit_after_review.pending"]) {
      assert.equal(await again.value(key), fields[key], key);
    }
    await again.page.context().close();
    await w.page.context().close();
  });
});
