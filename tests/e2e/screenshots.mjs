// The README's screenshots, taken from the built dist/ as a clerk sees it at 1366×768: the first
// screen, the report just started from last year's as pasted from the portal, and the example's
// 图解 as 下载图解（PNG） gives it (`make screenshots` rewrites them; look at them before committing).
import { readFileSync, writeFileSync } from "node:fs";

import { serve } from "./server.mjs";
import { Drafts, launch, offeredFile } from "./widget.mjs";

const out = (name) => new URL(`../../docs/screenshots/${name}`, import.meta.url).pathname;
const lastYear = readFileSync(new URL("../fixtures/2022_xianning_zwfw.txt", import.meta.url), "utf8");

const server = await serve();
const browser = await launch();
try {
  const w = await Drafts.open(browser, `${server.base}/`, { context: { viewport: { width: 1366, height: 768 } } });
  const widget = w.page.locator("#xxgk-nianbao");
  await widget.scrollIntoViewIfNeeded();
  await w.page.screenshot({ path: out("first-screen.png") });

  await w.action("paste-import").click();
  await w.page.keyboard.insertText(lastYear);
  await w.action("read-last-year").click();
  await w.notice().waitFor();
  await w.page.getByTestId("save-status").filter({ hasText: "已自动保存" }).waitFor();
  await w.page.evaluate(() => window.scrollTo(0, 0));
  await w.page.screenshot({ path: out("start-from-last-year.png") });
  const table = w.cell("requests.carried_over.natural_person");
  await table.scrollIntoViewIfNeeded();
  await w.page.screenshot({ path: out("start-from-last-year-table3.png") });

  // The example's 图解, the PNG its page downloads (read from the link it clicks).
  await w.loadExample();
  await w.source();
  const frame = await (await w.page.locator('[data-testid="chart"]').elementHandle()).contentFrame();
  await frame.waitForFunction(() => document.getElementById("chart")?.complete);
  const png = await offeredFile(frame, () => frame.locator('[data-action="download-chart-png"]').click());
  writeFileSync(out("chart.png"), png.bytes);
} finally {
  await browser.close();
  await server.close();
}
