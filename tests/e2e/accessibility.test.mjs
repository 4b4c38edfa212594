// axe-core over the widget in the states a clerk meets: filled, with errors and the findings
// open, in a narrow column, and with a 核对 that found differences. Nothing serious or critical
// may be found inside the widget (the demo host page around it is not the widget's to fix).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Widget, startSession } from "./widget.mjs";

const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const session = startSession();

/** What axe finds inside the widget, serious or worse, as `rule: target` lines. */
async function serious(w) {
  if (!(await w.page.evaluate(() => "axe" in window))) await w.page.addScriptTag({ content: AXE });
  const found = await w.page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations.flatMap((v) => v.nodes.map((node) => ({ rule: v.id, impact: v.impact, target: node.target })));
  });
  return found
    .filter(({ impact, target }) => ["serious", "critical"].includes(impact) && target[0] === "#xxgk-nianbao")
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
