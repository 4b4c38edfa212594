// What clerks actually have: last year's report as a Word file filled from the distributed
// template (tests/fixtures/docx/make-docx.sh), opened with the file buttons and read in the
// widget's worker, which inflates it with the browser's DecompressionStream.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Drafts, startSession } from "./widget.mjs";

const docx = (name) => readFileSync(new URL(`../fixtures/docx/${name}`, import.meta.url));
const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const session = startSession();

async function open() {
  return Drafts.open(session.browser, `${session.base}/`);
}

describe("Word files", () => {
  test("the filled template opens as the report, every number in its cell, as .docx and as .doc", async () => {
    for (const [name, mimeType, file] of [
      ["2022年报告.docx", WORD, "report_wps.docx"],
      ["2022年报告.doc", "application/msword", "report.doc"],
    ]) {
      const w = await open();
      const requested = [];
      w.page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await w.openFile("open-file", { name, mimeType, buffer: docx(file) });
      assert.equal(await w.value("meta.agency"), "咸宁市政务服务和大数据管理局", name);
      // The jobs worker reads a .docx; the reader of Word 97–2003 files is downloaded only by a
      // clerk who opens one.
      assert.ok(requested.includes("/xxgk-nianbao-worker_loader.js"), name);
      assert.equal(requested.includes("/xxgk-nianbao-word97_loader.js"), file.endsWith(".doc"), name);
      assert.ok(!requested.includes("/xxgk-nianbao-pdf_loader.js"), `${name}: the PDF reader is not downloaded`);
      assert.equal(await w.value("meta.year"), "2022");
      // Typed in two runs, in full-width digits, after ideographic spaces: all read as printed.
      assert.equal(await w.value("proactive.rules.issued"), "500", name);
      assert.equal(await w.value("proactive.fees.amount"), "1.25", name);
      assert.equal(await w.value("requests.received.natural_person"), "1581", name);
      assert.equal(await w.value("requests.received.total"), "9906", name);
      assert.equal(await w.value("requests.other_handling.other.other_org"), "126", name);
      assert.equal(await w.value("appeals.suit_after_review.pending"), "22", name);
      assert.match(await w.value("problems.this_year"), /政策解读形式单一/);
      assert.equal(await w.errorCount(), 0, `${name}: every sum of the filled template holds`);
      assert.deepEqual(w.errors, []);
      await w.page.context().close();
    }
  });

  test("last year's Word file, saved again by LibreOffice, starts this year's report", async () => {
    const w = await open();
    await w.pick("last-year-file", "上年报告.docx", docx("report_libreoffice.docx"), WORD);
    await w.page.waitForFunction(() =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-key="meta.year"]').value === "2023");
    // 上年结转 is last year's 结转下年度.
    assert.equal(await w.value("requests.carried_over.natural_person"), await lastYearsCarriedForward("natural_person"));
    // A calm start: last year's 结转下年度 (not zero) makes no column's balance an error yet, and the
    // blank table is no row of reminders.
    assert.deepEqual(await w.page.locator(".xx-panel [data-rule]").allTextContents(), []);
  });

  test("a Word file with a password, an OFD file or a picture is refused with what to do, and nothing changes", async () => {
    const w = await open();
    await w.type("meta.agency", "某局");
    await w.pick("open-file", "2022年报告.doc", docx("report_password.doc"), "application/msword");
    await w.page.waitForFunction(() =>
      /密码/.test(document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-testid="file-notice"]')?.textContent));
    assert.match(await w.notice().textContent(), /设有打开密码.*取消密码.*另存为” \.docx/);
    await w.pick("open-file", "2022年报告.ofd", docx("report.ofd"), "application/ofd");
    await w.page.waitForFunction(() =>
      /OFD/.test(document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-testid="file-notice"]').textContent));
    assert.match(await w.notice().textContent(), /OFD 版式文件.*OFD 阅读器/);
    // A screenshot of a published table, dropped in as if it were the report.
    const picture = readFileSync(new URL("../fixtures/pictures/table4.png", import.meta.url));
    await w.pick("open-file", "上年报告截图.png", picture, "image/png");
    await w.page.waitForFunction(() =>
      /图片/.test(document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-testid="file-notice"]').textContent));
    assert.match(await w.notice().textContent(), /这是一张图片（PNG），不是报告文件.*Word 或 PDF 文件/);
    assert.equal(await w.value("meta.agency"), "某局");
  });
});

/** 结转下年度 of the source report, 自然人 column: 一 + 二 − （七）, as the editors' report was made. */
async function lastYearsCarriedForward(column) {
  const fields = JSON.parse(readFileSync(new URL("../fixtures/editors/report.json", import.meta.url), "utf8")).fields;
  return fields[`requests.carried_forward.${column}`];
}
