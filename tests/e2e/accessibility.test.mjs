// axe-core over the widget in the states a clerk meets: filled, with errors and the findings
// open, in a narrow column, and with a 核对 that found differences. Nothing serious or critical
// may be found inside the widget (the demo host page around it is not the widget's to fix).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Widget, startSession } from "./widget.mjs";

const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const session = startSession();

/** What axe finds inside the widget (or the app mounted at `host`), serious or worse, as
 * `rule: target` lines. */
async function serious(w, host = "#xxgk-nianbao") {
  if (!(await w.page.evaluate(() => "axe" in window))) await w.page.addScriptTag({ content: AXE });
  const found = await w.page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations.flatMap((v) => v.nodes.map((node) => ({ rule: v.id, impact: v.impact, target: node.target })));
  });
  return found
    .filter(({ impact, target }) => ["serious", "critical"].includes(impact) && target[0] === host)
    .map(({ rule, target }) => `${rule}: ${target.join(" ")}`);
}

describe("accessibility", () => {
  test("the filled widget, its errors and findings, 核对: nothing serious", async () => {
    const w = await Widget.open(session.browser, `${session.base}/`, { context: { viewport: { width: 1366, height: 768 } } });
    assert.deepEqual(await serious(w), [], "the first screen");
    await w.loadExample();
    await w.source(); // the preview, drawn once scrolled near
    assert.deepEqual(await serious(w), [], "filled");
    await w.type("requests.received.natural_person", "999999");
    await w.findings("T3-BAL").first().waitFor();
    assert.deepEqual(await serious(w), [], "with errors");
    await w.page.getByTestId("verify-source").fill("<p>一、总体情况</p><table><tr><td>本年新收政府信息公开申请数量</td><td>1</td></tr></table>");
    await w.action("verify").click();
    await w.page.getByTestId("verify-result").locator("p").first().waitFor();
    assert.deepEqual(await serious(w), [], "a 核对 with differences");
    await w.page.context().close();
  });

  test("in a 760 px column with the findings bar open: nothing serious", async () => {
    const w = await Widget.open(session.browser, `${session.base}/cms/column.html?width=760`, {
      context: { viewport: { width: 1024, height: 768 } },
    });
    await w.type("requests.received.natural_person", "3");
    await w.type("requests.disclosed.natural_person", "0");
    await w.action("toggle-findings").click();
    assert.deepEqual(await serious(w), []);
    await w.page.context().close();
  });

  test("the review desk with files read, a report open and the 汇总 asked about: nothing serious", async () => {
    const page = await (await session.browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(`${session.base}/review.html`);
    const desk = new Widget(page);
    await desk.action("choose-files").waitFor();
    assert.deepEqual(await serious(desk, "#xxgk-nianbao-review"), [], "empty");
    const report = JSON.parse(readFileSync(new URL("../fixtures/editors/report.json", import.meta.url), "utf8"));
    report.fields["requests.received.total"] = "1";
    await desk.action("choose-files").setInputFiles([
      { name: "填错.json", mimeType: "", buffer: Buffer.from(JSON.stringify(report)) },
      { name: "扫描件.png", mimeType: "", buffer: readFileSync(new URL("../fixtures/pictures/table4.png", import.meta.url)) },
    ]);
    await page.locator('tr[data-file="扫描件.png"]').waitFor();
    await page.locator('tr[data-file="填错.json"] .xd-open').click();
    await desk.action("download-sum").click();
    await desk.action("sum-cancel").waitFor();
    assert.deepEqual(await serious(desk, "#xxgk-nianbao-review"), [], "read, opened, asked");
    await page.context().close();
  });

  test("the preview scrolls by the keyboard", async () => {
    const w = await Widget.open(session.browser, `${session.base}/`, { context: { viewport: { width: 1366, height: 768 } } });
    await w.loadExample();
    await w.source();
    const preview = w.page.getByTestId("preview");
    await preview.focus();
    await w.page.keyboard.press("PageDown");
    // The browser may scroll smoothly: wait for the region to have moved.
    await w.page.waitForFunction(() =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-testid="preview"]').scrollTop > 0);
    await w.page.context().close();
  });
});
