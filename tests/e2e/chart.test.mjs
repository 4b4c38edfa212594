// 图解 in 预览与发布: the page the worker makes, shown in a frame, with its two downloads — the PNG at
// twice the picture's size, the SVG — its description as the picture's alt; asked about first
// while the report has errors or blanks (drawn as 0), as the copies are. Every <text> of the picture is measured where the browser draws it,
// with the longest values a report can hold: inside its box and inside the picture.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Drafts, Widget, offeredFile, startSession } from "./widget.mjs";

const session = startSession();

/** The 图解's frame, once the preview is current. */
async function chartFrame(w) {
  await w.source();
  const frame = await (await w.page.locator('[data-testid="chart"]').elementHandle()).contentFrame();
  await frame.locator("#chart").waitFor();
  await frame.waitForFunction(() => document.getElementById("chart").complete);
  return frame;
}

/** Clicks a download of the 图解's page (then `then`, when it asks first); resolves to the file's
 * name and bytes, read from the link the page clicks (in every browser alike). */
function download(frame, action, then) {
  return offeredFile(frame, async () => {
    await frame.locator(`[data-action="${action}"]`).click();
    if (then) await frame.locator(`[data-action="${then}"]`).click();
  });
}

/** Where each <text> of the SVG is drawn, and the box (the nearest <rect> before it that holds
 * its anchor) it belongs in, measured in a page of its own. */
async function measured(page, svg) {
  await page.setContent(svg.replace(/^<\?xml[^>]*>\s*/, ""));
  return page.evaluate(() => {
    const picture = document.querySelector("svg");
    const rects = [...picture.querySelectorAll("rect")].filter((r) => r.getAttribute("rx"));
    return [...picture.querySelectorAll("text")].map((text) => {
      const { x, y, width, height } = text.getBBox();
      const ax = Number(text.getAttribute("x")), ay = Number(text.getAttribute("y"));
      const box = rects.find((r) => {
        const b = r.getBBox();
        return ax >= b.x && ax <= b.x + b.width && ay >= b.y && ay <= b.y + b.height;
      })?.getBBox();
      return { text: text.textContent, x, y, width, height, box: box && { x: box.x, y: box.y, width: box.width, height: box.height } };
    }).concat([{ picture: { width: picture.width.baseVal.value, height: picture.height.baseVal.value } }]);
  });
}

describe("图解", () => {
  test("the example's 图解: a PNG at twice its size, the SVG, its description as its alt", async () => {
    const w = await Widget.open(session.browser, `${session.base}/`);
    await w.loadExample();
    const frame = await chartFrame(w);
    const description = await frame.getByTestId("chart-text").inputValue();
    assert.match(description, /^咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告图解\n主动公开：/);
    assert.equal(await frame.locator("#chart").getAttribute("alt"), description);
    assert.equal(await frame.getByTestId("chart-to-do").count(), 0);

    const svg = await download(frame, "download-chart-svg");
    assert.equal(svg.name, "咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告（图解）.svg");
    const text = svg.bytes.toString("utf8");
    assert.match(text, /^<\?xml[^>]*>\s*<svg[^>]* width="750" height="(\d+)"/);
    const height = Number(text.match(/<svg[^>]* height="(\d+(?:\.\d+)?)"/)[1]);

    const png = await download(frame, "download-chart-png");
    assert.match(png.name, /（图解）\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [1500, Math.round(height * 2)]);
    assert.deepEqual(w.errors, []);
    await w.page.context().close();
  });

  test("with the longest values every text stays in its box and the picture; errors are said and asked first", async () => {
    const w = await Widget.open(session.browser, `${session.base}/`);
    await w.loadExample();
    await w.type("meta.agency", "某某省某某市某某区人民政府办公室政务公开与数据资源管理服务中心");
    await w.type("requests.received.natural_person", "1234567");
    await w.type("proactive.fees.amount", "9999999.9999");
    await w.type("appeals.review.upheld", "7654321");
    const frame = await chartFrame(w);
    assert.match(await frame.getByTestId("chart-to-do").textContent(), /^报告还有 \d+ 个错误，发布前应当改正。图解按表中现在的数字画出。$/);
    // Asked first, the focus on 先去改正 (Enter downloads nothing), which downloads nothing.
    await frame.locator('[data-action="download-chart-svg"]').click();
    assert.equal(await frame.locator(":focus").getAttribute("data-action"), "chart-cancel");
    await frame.locator('[data-action="chart-cancel"]').click();
    assert.equal(await frame.locator("#ask").isVisible(), false);
    const svg = (await download(frame, "download-chart-svg", "chart-anyway")).bytes.toString("utf8");
    assert.match(svg, /1234567/);
    assert.match(svg, /9999999\.9999/);

    const page = await w.page.context().newPage();
    const texts = await measured(page, svg);
    const { picture } = texts.pop();
    assert.ok(texts.length > 60, `${texts.length} texts`);
    for (const t of texts) {
      assert.ok(t.x >= 0 && t.x + t.width <= picture.width && t.y >= 0 && t.y + t.height <= picture.height,
        `${t.text} is drawn outside the picture: ${JSON.stringify(t)}`);
      if (t.box) {
        const inside = t.x >= t.box.x - 0.5 && t.x + t.width <= t.box.x + t.box.width + 0.5
          && t.y >= t.box.y - 0.5 && t.y + t.height <= t.box.y + t.box.height + 0.5;
        assert.ok(inside, `${t.text} leaves its box: ${JSON.stringify(t)}`);
      }
    }
    assert.ok(texts.filter((t) => t.box).length >= 20, "the tiles' texts were measured in their boxes");
    await w.page.context().close();
  });

  test("a blank cell, drawn as 0, is said and asked about first, as the copies ask", async () => {
    const w = await Widget.open(session.browser, `${session.base}/`);
    await w.loadExample();
    await w.type("appeals.review.upheld", "");
    const frame = await chartFrame(w);
    const said = "报告尚未填完：1 个数字格未填，将按 0 发布";
    assert.equal(await frame.getByTestId("chart-to-do").textContent(), `${said}。图解按表中现在的数字画出。`);
    await frame.locator('[data-action="download-chart-png"]').click();
    assert.match(await frame.locator("#ask").textContent(), new RegExp(`^${said}。仍要下载吗？`));
    const png = await download(frame, "download-chart-png", "chart-anyway");
    assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    await w.page.context().close();
  });

  test("检查全部 redraws the 图解's sentence: the errors held back while filling are counted once shown", async () => {
    const w = await Widget.open(session.browser, `${session.base}/`);
    await w.action("start-blank").click();
    // Received, and no outcome yet: the column's balance waits while the clerk fills it in.
    await w.type("requests.received.natural_person", "5");
    const frame = await chartFrame(w);
    const filling = await frame.getByTestId("chart-to-do").textContent();
    assert.match(filling, /^报告尚未填完：\d+ 个数字格未填，将按 0 发布/);
    await w.action("check-all").click();
    // The same report, now with every check: the page is made again with the errors counted.
    await frame.waitForFunction(() => /^报告还有/.test(document.querySelector('[data-testid="chart-to-do"]')?.textContent));
    assert.match(await frame.getByTestId("chart-to-do").textContent(), /^报告还有 \d+ 个错误，发布前应当改正；尚未填完：/);
    await w.page.context().close();
  });

  test("a PNG the browser cannot make is said, not dropped in silence", async () => {
    const w = await Widget.open(session.browser, `${session.base}/`);
    await w.loadExample();
    const frame = await chartFrame(w);
    // A canvas too large to encode gives toBlob null; here every one does.
    await frame.evaluate(() => { HTMLCanvasElement.prototype.toBlob = function (done) { setTimeout(() => done(null)); }; });
    await frame.locator('[data-action="download-chart-png"]').click();
    await frame.locator("#failed").waitFor();
    assert.equal(await frame.locator("#failed").textContent(), "浏览器未能生成 PNG 图片，请改用“下载图解（SVG）”。");
    await w.page.context().close();
  });

  test("a report started from last year's gives each headline figure its 同比", async () => {
    const w = await Drafts.open(session.browser, `${session.base}/`);
    await w.action("paste-import").click();
    await w.page.keyboard.insertText(readFileSync(new URL("../fixtures/2022_xianning_zwfw.txt", import.meta.url), "utf8"));
    await w.action("read-last-year").click();
    await w.notice().waitFor();
    await w.type("proactive.normative_docs.issued", "3");
    const frame = await chartFrame(w);
    // Last year's 1 行政规范性文件 issued against this year's 3.
    assert.match(await frame.getByTestId("chart-text").inputValue(), /行政规范性文件制发件数 3（同比 ▲ 2）/);
    await w.page.context().close();
  });
});
