// The widget in headless Chromium, built by Trunk and served from dist/ in the demo host page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { FIREFOX, OLDEST, Widget, reloadBlock, startSession } from "./widget.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** The core's own fragment of the example, from the command-line tool. */
const render = (...flags) => execFileSync(
  "cargo", ["run", "--quiet", "--locked", "--bin", "xxgk", "--", "render", ...flags, "src/report/xxgk-nianbao-example.json"],
  { cwd: root, encoding: "utf8" },
).replace(/\n$/, "");
const exampleFragment = render();
/** The core's plain text of the example: what plain fields get from 复制（带格式）. */
const exampleText = render("--text");

const session = startSession();

const open = (options) => Widget.open(session.browser, `${session.base}/`, options);

describe("findings that help", () => {
  test("the first visit says where to start, and shouts about nothing", async () => {
    const w = await open();
    assert.equal(await w.errorCount(), 0);
    assert.equal(await w.page.getByTestId("warning-count").textContent(), "提醒 0");
    assert.match(await w.page.getByTestId("next-step").textContent(), /从“报告信息”开始/);
    assert.equal(await w.page.locator(".xx-has-warning, .xx-has-error").count(), 0, "no cell is marked");
    assert.equal(await w.page.getByTestId("title").textContent(), "（填写机关全称和报告年度后生成）");
    // Each way to begin is offered once: in the start panel, then (begun) in the bars.
    const ways = ["load-example", "open-file", "last-year-file", "paste-import"];
    const offered = async () => Promise.all(ways.map((way) => w.action(way).count()));
    assert.deepEqual(await offered(), [1, 1, 1, 1]);
    assert.equal(await w.page.getByTestId("start").locator("[data-action]").filter({ hasText: "载入示例" }).count(), 1);
    await w.action("start-blank").click();
    assert.deepEqual(await offered(), [1, 1, 1, 1]);
    assert.equal(await w.page.getByTestId("start").count(), 0);
  });

  test("blanks are reported for a table once it is started, and everywhere once asked", async () => {
    const w = await open();
    await w.type("requests.received.natural_person", "1");
    await w.type("requests.disclosed.natural_person", "1");
    const blankTables = await w.findings("BLANK").evaluateAll((items) => items.map((b) => b.dataset.target.split(".")[0]));
    assert.ok(blankTables.length > 0 && blankTables.every((t) => t === "requests"), blankTables.join());
    assert.match(await w.page.getByTestId("next-step").textContent(), /暂不检查/);
    await w.action("check-all").click();
    assert.ok(await w.findings("BLANK").filter({ hasText: "表二" }).count() > 0);
    assert.ok(await w.findings("TXT-EMPTY").count() > 0);
    assert.equal(await w.page.getByTestId("next-step").count(), 0);
  });

  test("a marked cell shows its message while it has the focus or the pointer", async () => {
    const w = await open();
    await w.type("requests.received.natural_person", "3件多");
    const tip = w.page.locator('td:has([data-key="requests.received.natural_person"]) [data-testid="cell-tip"]');
    await w.cell("requests.received.commercial").focus();
    assert.equal(await tip.isVisible(), false, "hidden while the cell is left alone");
    await w.cell("requests.received.natural_person").focus();
    assert.ok(await tip.isVisible());
    assert.match(await tip.textContent(), /“3件多”/);
    await w.cell("meta.agency").focus();
    await w.cell("requests.received.natural_person").hover();
    assert.ok(await tip.isVisible(), "and on hover");
  });

  test("a tip never takes the click meant for a cell, and one shows at a time", async () => {
    const w = await open();
    await w.type("requests.received.natural_person", "3件多");
    await w.type("requests.received.commercial", "x");
    const tipOf = (key) => w.page.locator(`td:has([data-key="${key}"]) [data-testid="cell-tip"]`);
    await w.cell("requests.carried_over.natural_person").scrollIntoViewIfNeeded();
    await w.cell("requests.received.natural_person").focus();
    assert.ok(await tipOf("requests.received.natural_person").isVisible());
    // The tip hangs over the cell below; a click there reaches that cell.
    const below = await w.cell("requests.carried_over.natural_person").boundingBox();
    await w.page.mouse.click(below.x + below.width / 2, below.y + below.height / 2);
    const focused = () => w.page.evaluate(() =>
      document.getElementById("xxgk-nianbao").shadowRoot.activeElement?.dataset.key);
    assert.equal(await focused(), "requests.carried_over.natural_person");
    assert.equal(await tipOf("requests.received.natural_person").isVisible(), false);
    // Back on the first marked cell, the pointer over the other shows no second tip (where the
    // browser has :has; Chromium 86 shows both).
    await w.cell("requests.received.natural_person").focus();
    await w.cell("requests.received.commercial").hover();
    if (!OLDEST) {
      const shown = await w.page.locator('[data-testid="cell-tip"]:visible').count();
      assert.equal(shown, 1, "one tip at a time");
    }
    assert.ok(await tipOf("requests.received.natural_person").isVisible(), "the focused cell's");
  });

  test("a column's finding is shown beside the cell, not over the column it names", async () => {
    const w = await open();
    // 一+二 ≠ （七）总计+四 in the 自然人 column: T3-BAL names the column's cells.
    await w.type("requests.received.natural_person", "5");
    await w.type("requests.disclosed.natural_person", "2");
    await w.cell("requests.received.natural_person").focus();
    const tip = w.page.locator('td:has([data-key="requests.received.natural_person"]) [data-testid="cell-tip"]');
    assert.match(await tip.textContent(), /一\+二/);
    const box = await tip.boundingBox();
    for (const key of ["requests.carried_over.natural_person", "requests.disclosed.natural_person"]) {
      const cell = await w.cell(key).boundingBox();
      const overlaps = box.x < cell.x + cell.width && cell.x < box.x + box.width && box.y < cell.y + cell.height && cell.y < box.y + box.height;
      assert.ok(!overlaps, `the tip leaves ${key} in sight`);
    }
  });
});

describe("filling in the tables", () => {
  test("typing into cells updates the totals", async () => {
    const w = await open();
    await w.type("requests.received.natural_person", "5");
    await w.type("requests.received.commercial", "2");
    assert.equal(await w.value("requests.received.total"), "7");
    await w.type("requests.disclosed.natural_person", "4");
    await w.type("requests.withheld.third_party.natural_person", "1");
    assert.equal(await w.value("requests.outcome_total.natural_person"), "5");
    assert.equal(await w.value("requests.outcome_total.total"), "5");
    await w.type("appeals.review.upheld", "2");
    await w.type("appeals.review.pending", "1");
    assert.equal(await w.value("appeals.review.total"), "3");
    assert.deepEqual(w.errors, []);
  });

  test("a T3-BAL error appears with its message and goes away when fixed", async () => {
    const w = await open();
    assert.equal(await w.messages("T3-BAL").count(), 0);
    await w.type("requests.received.natural_person", "12");
    await w.type("requests.disclosed.natural_person", "11");
    const message = w.messages("T3-BAL").first();
    assert.match(await message.textContent(), /表三「自然人」列：一\+二 = 12，（七）总计\+四 = 11，相差 1 件/);
    assert.match(await w.balance("natural_person").textContent(), /自然人 一\+二 12 ≠ 11，差 1/);
    const cell = w.cell("requests.received.natural_person");
    assert.equal(await cell.getAttribute("aria-invalid"), "true");
    const describedBy = (await cell.getAttribute("aria-describedby")).split(" ");
    assert.ok(describedBy.includes(await message.getAttribute("id")), "the cell points at its message");
    assert.ok(await w.errorCount() >= 1);

    await w.type("requests.carried_forward.natural_person", "1");
    assert.equal(await w.messages("T3-BAL").count(), 0);
    assert.equal(await w.findings("T3-BAL").count(), 0);
    assert.equal(await w.balance("natural_person").getAttribute("data-state"), "ok");
    assert.equal(await cell.getAttribute("aria-invalid"), null);
  });

  test("full-width digits and units are accepted; other text is a NUM error at its cell", async () => {
    const w = await open();
    await w.type("requests.received.natural_person", "１２");
    await w.type("requests.received.research", "３件");
    assert.equal(await w.value("requests.received.total"), "15");
    assert.equal(await w.messages("NUM").count(), 0);
    await w.type("requests.received.other_org", "1.5");
    assert.match(await w.messages("NUM").first().textContent(), /“1\.5”件数应为整数/);
    assert.equal(await w.cell("requests.received.other_org").inputValue(), "1.5", "the bad entry stays as typed");

    // Left, a number written otherwise shows as the table prints it; typing it and leaving is one step.
    await w.cell("requests.received.research").focus();
    await w.page.keyboard.press("Control+A");
    await w.page.keyboard.type("5件");
    await w.page.keyboard.press("Tab");
    assert.equal(await w.cell("requests.received.research").inputValue(), "5");
    assert.equal(await w.cell("requests.received.natural_person").inputValue(), "12", "１２ left before");
    await w.page.keyboard.press("Control+Z");
    assert.equal(await w.cell("requests.received.research").inputValue(), "3");
  });

  test("choosing a finding focuses its cell", async () => {
    const w = await open();
    await w.type("appeals.suit_direct.pending", "abc");
    await w.cell("meta.agency").focus();
    await w.findings("NUM").first().click();
    assert.equal(await w.focusedKey(), "appeals.suit_direct.pending");
  });

  test("the filled example shows a complete report with no errors", async () => {
    const w = await open();
    await w.loadExample();
    assert.equal(await w.value("meta.agency"), "咸宁市政务服务和大数据管理局");
    assert.equal(await w.value("proactive.penalties.decisions"), "2");
    assert.equal(await w.errorCount(), 0);
    assert.equal(await w.page.getByTestId("title").textContent(), "咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告");
  });

  test("the panel says nothing is wrong only when nothing is still open; what no finding names is listed", async () => {
    const w = await open();
    await w.loadExample();
    const allGood = w.page.locator(".xx-all-good");
    assert.equal(await allGood.textContent(), "✓ 没有发现问题。");
    // No rule speaks of a missing 成文日期, and the copies ask about it: so does the panel.
    const date = await w.value("meta.signed_on");
    await w.type("meta.signed_on", "");
    assert.equal(await allGood.count(), 0);
    const item = w.page.getByTestId("open-item");
    assert.equal(await item.textContent(), "尚未填完：落款没有成文日期");
    assert.equal(await w.errorCount(), 0);
    // The bar a narrow column shows the findings in says so while it is closed.
    const bar = w.action("toggle-findings");
    assert.match(await bar.textContent(), /^检查结果：错误 0，提醒 0，尚未填完 1/);
    await w.cell("meta.agency").focus();
    await item.locator("button").click();
    assert.equal(await w.focusedKey(), "meta.signed_on");
    await w.type("meta.signed_on", date);
    assert.equal(await item.count(), 0);
    assert.equal(await allGood.count(), 1);
    assert.doesNotMatch(await bar.textContent(), /尚未填完/);
  });

  test("loading the example over typed work asks first and keeps the work when declined", async () => {
    const w = await open();
    await w.type("meta.agency", "某某镇人民政府");
    await w.action("load-example").click();
    await w.action("cancel").click();
    assert.equal(await w.value("meta.agency"), "某某镇人民政府");
  });

  test("when the example file was not uploaded, the clerk is told so and the report is kept", async () => {
    const w = await open();
    await w.page.route("**/xxgk-nianbao-example.json", (route) => route.fulfill({ status: 404, body: "not found" }));
    await w.type("meta.agency", "某某镇人民政府");
    await w.action("load-example").click();
    const notice = w.page.getByTestId("file-notice");
    await notice.waitFor();
    assert.match(await notice.textContent(), /xxgk-nianbao-example\.json.*未能下载.*上传/);
    assert.equal(await w.value("meta.agency"), "某某镇人民政府");
  });
});

describe("preview and copy", () => {
  const clipboard = { context: { permissions: ["clipboard-read", "clipboard-write"] } };

  test("the preview and the source are the core's fragment", async () => {
    const w = await open();
    await w.loadExample();
    assert.equal(await w.source(), exampleFragment);
    const previewTables = await w.page.getByTestId("preview").locator("table").count();
    assert.equal(previewTables, 3);
  });

  test("copy as rich text puts the core's fragment on the clipboard as HTML, and the report as plain text", async () => {
    const w = await open(clipboard);
    await w.loadExample();
    await w.action("copy-rich").click();
    await w.page.getByTestId("copy-status").getByText("已复制").waitFor();
    const copied = await w.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        types: item.types,
        html: await (await item.getType("text/html")).text(),
        plain: await (await item.getType("text/plain")).text(),
      };
    });
    assert.ok(copied.types.includes("text/html"));
    // Firefox's clipboard keeps no attribute it does not know: `bordercolor` goes (a paste gets the
    // same), the cells' borders and the black background through the spacing stay.
    const written = FIREFOX ? exampleFragment.replaceAll(' bordercolor="#000000"', "") : exampleFragment;
    assert.ok(copied.html.includes(written), "the HTML flavour holds the fragment");
    assert.equal(copied.plain, exampleText, "a plain field gets readable text, not tags");
    assert.ok(!copied.plain.includes("<"));
  });

  test("where the clipboard takes no HTML, the copy command puts the fragment there and says so", async () => {
    // As in Chromium before 97, whose ClipboardItem refuses text/html.
    const w = await open({
      ...clipboard,
      init: () => {
        Clipboard.prototype.write = () => Promise.reject(new DOMException("Type text/html not supported on write.", "NotAllowedError"));
      },
    });
    await w.loadExample();
    await w.action("copy-rich").click();
    assert.match(await w.page.getByTestId("copy-status").textContent(), /已复制（兼容方式.*表格格式同样放入剪贴板/);
    const html = await w.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item.getType("text/html")).text();
    });
    assert.ok(html.includes(exampleFragment), "the HTML flavour holds the fragment");
  });

  test("copying with open errors asks, and asks again when the errors change", async () => {
    const w = await open(clipboard);
    await w.loadExample();
    await w.type("requests.received.natural_person", "3");
    await w.action("copy-source").click();
    assert.ok(await w.action("confirm").isVisible(), "asks before copying a report with errors");
    await w.action("confirm").click();
    await w.page.getByTestId("copy-status").waitFor();
    assert.match(await w.page.getByTestId("copy-status").textContent(), /^已复制.*注意：报告还有 \d+ 个错误，发布前应当改正；有 1 条提醒，请逐条确认无误。$/,
      "not said as a success; the text's count of new requests, which the table no longer has, is a warning");
    assert.equal(await w.page.evaluate(() => navigator.clipboard.readText()), await w.source());
    await w.action("copy-rich").click();
    assert.equal(await w.action("confirm").count(), 0, "the same errors are not asked about twice");
    await w.type("requests.received.commercial", "4");
    await w.action("copy-source").click();
    assert.ok(await w.action("confirm").isVisible(), "new errors are asked about");
  });

  test("a report with blanks, an empty section and no date is not copied as done: it asks, and says what stays open", async () => {
    const w = await open(clipboard);
    await w.loadExample();
    await w.type("proactive.fees.amount", "");
    await w.type("requests.received.research", "");
    await w.type("other_matters", "");
    await w.type("meta.signed_on", "");
    await w.action("copy-rich").click();
    const question = w.page.locator(".xx-publish .xx-confirm");
    assert.match(await question.textContent(),
      /报告尚未填完：2 个数字格未填，将按 0 发布；“六、其他需要报告的事项”没有内容，只会发布标题；落款没有成文日期。仍要继续吗？/);
    await w.action("confirm").click();
    const status = w.page.getByTestId("copy-status");
    await status.waitFor();
    assert.match(await status.textContent(), /^已复制.*注意：报告尚未填完：2 个数字格未填，将按 0 发布；/);
    assert.equal(await status.getAttribute("class"), "xx-status xx-warning", "said as a reminder, not as a success");
    await w.action("copy-source").click();
    assert.equal(await w.action("confirm").count(), 0, "asked once for the same open items");
    await w.type("proactive.fees.amount", "0");
    await w.type("requests.received.research", "0");
    await w.type("other_matters", "本年度未收取信息处理费。");
    await w.type("meta.signed_on", "2023年1月17日");
    await w.action("copy-source").click();
    assert.equal(await w.action("confirm").count(), 0, "a whole report is not asked about");
    // The copy before this one said 已复制 HTML 源码 too, with what stayed open: wait for this one's.
    await status.filter({ hasText: "已复制 HTML 源码" }).filter({ hasNotText: "注意" }).waitFor();
    assert.equal(await status.getAttribute("class"), "xx-status xx-ok");
  });

  test("without the Clipboard API the source is selected and the clerk is told", async () => {
    const w = await open({
      init: () => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }),
    });
    await w.loadExample();
    await w.action("copy-source").click();
    const status = await w.page.getByTestId("copy-status").textContent();
    assert.match(status, /兼容方式|Ctrl\+C/);
    const selected = await w.page.evaluate(() => {
      const area = document.getElementById("xxgk-nianbao").shadowRoot.activeElement;
      return area.dataset.testid === "source" && area.value.slice(area.selectionStart, area.selectionEnd);
    });
    assert.equal(selected, exampleFragment, "the source text area is focused and its whole current text selected");
  });

  test("download gives a titled .html file with the fragment", async () => {
    const w = await open();
    await w.loadExample();
    const offered = await w.download("download");
    assert.equal(offered.name, "咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告.html");
    const file = offered.text;
    assert.ok(file.startsWith("<!DOCTYPE html>"));
    assert.ok(file.includes(exampleFragment));
  });
});

describe("laid out by the room it has", () => {
  /** What of the widget lies beyond the right edge of what the window shows (left of its
   * scrollbar, which Windows draws 17 px wide), and where the findings are. */
  async function layout(w) {
    return w.page.evaluate(() => {
      const shadow = document.getElementById("xxgk-nianbao").shadowRoot;
      const right = document.documentElement.clientWidth;
      const cut = [...shadow.querySelectorAll("button, input, textarea, select, table")]
        .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > right + 1)
        .map((e) => e.dataset.action ?? e.dataset.key ?? e.tagName);
      const side = shadow.querySelector(".xx-side").getBoundingClientRect();
      return { cut, side: { top: side.top, bottom: side.bottom, left: side.left, right: side.right }, height: innerHeight, right };
    });
  }

  test("in a 1200 px column at a 1024 px window nothing is cut off and the findings stay beside the form", async () => {
    const w = await Widget.open(session.browser, `${session.base}/cms/column.html?width=1200`, {
      context: { viewport: { width: 1024, height: 768 } },
    });
    await w.type("requests.received.natural_person", "3");
    const seen = await layout(w);
    assert.deepEqual(seen.cut, [], "nothing lies beyond the window's edge");
    assert.ok(seen.side.right <= seen.right, "the findings panel is on screen, clear of the scrollbar");
    await w.page.screenshot({ path: "target/e2e-1200-column-1024-window.png" });
  });

  test("in a narrow column the widget is drawn narrow from the first, not redrawn once measured", async () => {
    const context = await session.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    // Every layout the widget's top element is drawn with, from its first.
    await page.addInitScript(() => {
      window.xxLayouts = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const shadow = attach.call(this, init);
        const seen = () => {
          const app = shadow.querySelector(".xx-app");
          const layout = app && `${app.className} ${app.getAttribute("style")}`;
          if (app && layout !== window.xxLayouts[window.xxLayouts.length - 1]) window.xxLayouts.push(layout);
        };
        new MutationObserver(seen).observe(shadow, { childList: true, subtree: true, attributes: true });
        return shadow;
      };
    });
    const w = await Widget.load(page, `${session.base}/cms/column.html?width=760`);
    // Past the widget's effects (the turn it hands back after drawing) and two frames, in which
    // the size observers report.
    await page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
    const layouts = await page.evaluate(() => window.xxLayouts);
    assert.equal(layouts.length, 1, layouts.join("\n"));
    assert.match(layouts[0], /xx-narrow/);
    await context.close();
  });

  test("in a 420 px column table 三's row labels read a few words a line, the numbers scroll sideways", async () => {
    const w = await Widget.open(session.browser, `${session.base}/cms/column.html?width=420`, {
      context: { viewport: { width: 480, height: 800 } },
    });
    const seen = await w.page.evaluate(() => {
      const table = document.getElementById("xxgk-nianbao").shadowRoot.querySelector('.xx-table[data-table="requests"]');
      const labels = [...table.querySelectorAll('th[scope="row"]')].map((th) => {
        const style = getComputedStyle(th);
        const inner = th.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return { text: th.textContent, lines: Math.round(inner / parseFloat(style.lineHeight)) };
      });
      const wrap = table.parentElement;
      return { labels, scrolls: wrap.scrollWidth > wrap.clientWidth, wide: document.documentElement.scrollWidth };
    });
    // The longest, 「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」
    // (38 characters), in six lines; squeezed to the column it took nineteen.
    const tallest = seen.labels.reduce((a, b) => (b.lines > a.lines ? b : a));
    assert.ok(tallest.lines <= 6, `${tallest.text}: ${tallest.lines} lines`);
    assert.ok(seen.scrolls, "the table scrolls inside its own box");
    assert.ok(seen.wide <= 480, "the page itself does not scroll sideways");
  });

  test("a window made narrower lays the widget out again", async () => {
    const w = await Widget.open(session.browser, `${session.base}/cms/column.html?width=1200`, {
      context: { viewport: { width: 1400, height: 768 } },
    });
    const narrow = () => w.page.locator(".xx-app.xx-narrow").count();
    assert.equal(await narrow(), 0, "two columns in a wide window");
    await w.page.setViewportSize({ width: 900, height: 768 });
    await w.page.waitForFunction(() =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector(".xx-app.xx-narrow") !== null);
    assert.deepEqual((await layout(w)).cut, []);
    await w.page.setViewportSize({ width: 1400, height: 768 });
    await w.page.waitForFunction(() =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector(".xx-app.xx-narrow") === null);
  });

  test("in a 760 px column the findings are a bar at the bottom of the screen, one tap from opening", async () => {
    const w = await Widget.open(session.browser, `${session.base}/cms/column.html?width=760`, {
      context: { viewport: { width: 1024, height: 768 } },
    });
    await w.type("requests.received.natural_person", "3");
    await w.type("requests.disclosed.natural_person", "0");
    await w.cell("requests.carried_forward.natural_person").scrollIntoViewIfNeeded();
    const seen = await layout(w);
    assert.deepEqual(seen.cut, []);
    assert.ok(seen.side.bottom <= seen.height + 1 && seen.side.top > seen.height / 2, "a bar at the bottom of the screen");
    // Every table fits the column: none is cut at its right edge, waiting to be scrolled.
    const overflows = await w.page.evaluate(() =>
      [...document.getElementById("xxgk-nianbao").shadowRoot.querySelectorAll(".xx-table-wrap")]
        .map((wrap) => wrap.scrollWidth - wrap.clientWidth));
    assert.deepEqual(overflows, [0, 0, 0]);
    const summary = w.action("toggle-findings");
    assert.match(await summary.textContent(), /错误 2/, "自然人 and 总计 out of balance");
    assert.equal(await w.findings("T3-BAL").first().isVisible(), false, "closed, the bar is one line");
    await summary.click();
    await w.page.screenshot({ path: "target/e2e-760-column.png" });
    await w.findings("T3-BAL").first().click();
    assert.equal(await w.focusedKey(), "requests.received.natural_person");
    assert.equal(await summary.getAttribute("aria-expanded"), "false", "the bar closes to show the cell");
  });
});

describe("inside a portal page", () => {
  test("a page without a doctype (quirks mode) draws the widget as a standards page does", async () => {
    const looks = {};
    for (const quirks of [false, true]) {
      const context = await session.browser.newContext();
      const page = await context.newPage();
      await page.route("**/cms/article.html", async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace("<!DOCTYPE html>", quirks ? "" : "<!DOCTYPE html>");
        await route.fulfill({ response, body });
      });
      await page.goto(`${session.base}/cms/article.html`);
      const w = new Widget(page);
      await w.cell("requests.received.natural_person").waitFor();
      looks[quirks] = await page.evaluate(() => {
        const shadow = document.getElementById("xxgk-nianbao").shadowRoot;
        const font = (selector) => getComputedStyle(shadow.querySelector(selector)).font;
        return {
          mode: document.compatMode,
          cell: font('[data-key="requests.received.natural_person"]'),
          total: font('[data-key="requests.received.total"]'),
          label: font('table[data-table="requests"] th[scope="row"]'),
        };
      });
      await context.close();
    }
    assert.equal(looks[true].mode, "BackCompat");
    assert.deepEqual({ ...looks[true], mode: "" }, { ...looks[false], mode: "" });
  });

  test("the widget looks right under the host page's global CSS", async () => {
    const w = await open();
    const looks = await w.page.evaluate(() => {
      const shadow = document.getElementById("xxgk-nianbao").shadowRoot;
      const style = (selector) => getComputedStyle(shadow.querySelector(selector));
      const cell = getComputedStyle(shadow.querySelector('[data-key="requests.received.commercial"]').closest("td"));
      return {
        label: style("label.xx-meta").display,
        input: style('[data-key="requests.received.commercial"]').width,
        output: style('[data-key="requests.received.total"]').display,
        cellAlign: cell.textAlign,
        cellFont: cell.fontSize,
        select: style('[data-key="meta.scope"]').display,
        legend: style("legend").display,
        button: style('[data-action="load-example"]').width,
        host: getComputedStyle(document.getElementById("xxgk-nianbao")).display,
      };
    });
    assert.notEqual(looks.label, "none", "host label{display:none} does not hide the form");
    assert.notEqual(looks.input, "200px", "host input{width} does not size the cells");
    assert.notEqual(looks.output, "none");
    assert.notEqual(looks.select, "none");
    assert.notEqual(looks.legend, "none");
    assert.equal(looks.cellAlign, "center", "host table td{text-align:right} does not reach in");
    assert.notEqual(looks.cellFont, "12px", "host TRS_Editor TD{font-size:9pt} does not reach in");
    assert.notEqual(looks.button, "60px");
    assert.equal(looks.host, "block", "host .TRS_Editor div{display:inline} does not flatten the mount point");
  });

  test("the host page's own elements and styles are untouched", async () => {
    const w = await open();
    const page = w.page;
    const state = await page.evaluate(async () => {
      const original = new DOMParser().parseFromString(await (await fetch(location.href)).text(), "text/html");
      const strip = (doc) => {
        const body = doc.body.cloneNode(true);
        body.querySelector("#xxgk-nianbao").replaceChildren();
        body.querySelectorAll("script").forEach((s) => s.remove());
        return body.innerHTML.replace(/\s+/g, " ").trim();
      };
      const host = document.getElementById("xxgk-nianbao");
      return {
        same: strip(document) === strip(original),
        lightChildren: host.children.length,
        sheets: document.styleSheets.length,
        originalSheets: original.querySelectorAll("style, link[rel=stylesheet]").length,
        cell: getComputedStyle(document.getElementById("host-cell")).textAlign,
        cellFont: getComputedStyle(document.getElementById("host-cell")).fontSize,
        label: getComputedStyle(document.getElementById("host-label")).display,
        paragraph: getComputedStyle(document.getElementById("host-paragraph")).fontSize,
      };
    });
    assert.ok(state.same, "nothing outside the mount point changed");
    assert.equal(state.lightChildren, 0, "the widget lives in the shadow root, not among the host's nodes");
    assert.equal(state.sheets, state.originalSheets, "the widget adds no stylesheet to the page");
    assert.deepEqual(
      [state.cell, state.cellFont, state.label, state.paragraph],
      ["right", "12px", "none", "16px"],
      "the host's rules still apply to the host's elements",
    );
  });

  test("the loader finds the widget's files, the example included, under any CMS path", async () => {
    // The snippet as the webmaster was told to put it; the loader in the template's <head>, before
    // the mount point, with a version in its address; a 自定义 HTML block put in by jQuery's .load(),
    // which runs the loader by eval; the mount point in an article body a script draws after load.
    for (const template of ["article.html", "head-loader.html", "jquery-block.html", "drawn-later.html"]) {
      const w = await Widget.open(session.browser, `${session.base}/cms/${template}`);
      await w.type("requests.received.natural_person", "2");
      assert.equal(await w.value("requests.received.total"), "2", template);
      await w.loadExample();
      assert.equal(await w.value("meta.agency"), "咸宁市政务服务和大数据管理局", `${template}: the example is found beside the other files`);
      await w.action("paste-import").click();
      await w.page.getByTestId("import-source").fill(await readFile(new URL("../fixtures/2022_pingtan_gaj.txt", import.meta.url), "utf8"));
      await w.action("read-import").click();
      await w.action("confirm-import").click();
      assert.match(await w.value("meta.agency"), /平潭/, `${template}: so is the importer, in the widget's worker`);
      const around = await w.page.evaluate(() => [document.getElementById("before").textContent, document.getElementById("after").textContent]);
      assert.deepEqual(around, ["文章正文开头。", "文章正文结尾。"], template);
      assert.deepEqual(w.errors, [], template);
      await w.page.context().close();
    }
  });

  test("a block the page puts in anew (a tab reloading it) shows the widget again, nothing typed lost", async () => {
    const w = await Widget.open(session.browser, `${session.base}/cms/jquery-block.html`, { clock: true });
    await w.type("meta.agency", "某某局");
    // At once, before the typing's save is due: the page reloads its block, as a tab does, and the
    // block's loader runs again.
    await reloadBlock(w.page);
    await w.page.waitForFunction(() => document.getElementById("xxgk-nianbao").shadowRoot?.querySelector('[data-key="meta.agency"]'));
    await w.shows("meta.agency", "某某局");
    await w.type("requests.received.natural_person", "3");
    assert.equal(await w.value("requests.received.total"), "3");
    // The widget of the old block is ended: nothing of it writes over the new one's work.
    await w.page.clock.runFor(5000); // every timer of either widget fires
    await w.page.reload();
    await w.shows("requests.received.natural_person", "3");
    assert.equal(await w.value("meta.agency"), "某某局");
    assert.deepEqual(w.errors, []);
    await w.page.context().close();
  });

  test("without its mount point the widget changes nothing and, once the page has loaded, says why in the console", async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const said = page.waitForEvent("console", (m) => m.type() === "error" && m.text().includes("xxgk-nianbao"));
    await page.goto(`${session.base}/cms/no-mount.html`);
    assert.match((await said).text(), /没有 <div id="xxgk-nianbao">/);
    assert.equal(await page.evaluate(() => document.body.children.length), 2);
    assert.equal(await page.evaluate(() => document.getElementById("only").textContent.startsWith("这个页面")), true);
  });
});
