// The review desk's page (review.html) as a 政务公开办 uses it: twenty files of every kind chosen at
// once — report files, published copies (text, Word, Word 97, PDF), one in error, one broken, one
// picture — read in its worker; the table held against `xxgk audit` over the same files; sorting,
// the rule filter, a report opened; 下载汇总 (asked first, for a unit has errors and one agency's
// report is there four times) held against `xxgk sum` and opened by `xxgk check`, and named when
// it is chosen again with the units; 导出问题清单 byte for byte `xxgk audit --csv`'s.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";

import { FIREFOX, OLDEST, Widget, startSession } from "./widget.mjs";

const fixtures = new URL("../fixtures/", import.meta.url);
const session = startSession();

/** The twenty files, in the order chosen. */
function files() {
  const fixture = (path) => readFileSync(new URL(path, fixtures));
  const report = JSON.parse(fixture("editors/report.json"));
  const unit = (n) => {
    const copy = structuredClone(report);
    copy.fields["meta.agency"] = `某某县第${n}单位`;
    return Buffer.from(JSON.stringify(copy));
  };
  const wrong = structuredClone(report);
  wrong.fields["meta.agency"] = "某某县填错单位";
  // 本年新收's 总计 one more than its six applicants.
  const received = Object.entries(report.fields).filter(([key]) => key.startsWith("requests.received."));
  wrong.fields["requests.received.total"] = String(received.reduce((sum, [, n]) => sum + Number(n), 1));
  const list = [
    ["01-咸宁网页.txt", fixture("2022_xianning_zwfw.txt")],
    ["02-咸宁.pdf", fixture("docx/report.pdf")],
    ["03-咸宁.docx", fixture("docx/report_wps.docx")],
    ["04-咸宁.doc", fixture("docx/report.doc")],
    ["05-平潭公安.txt", fixture("2022_pingtan_gaj.txt")],
    ["06-扫描件.png", fixture("pictures/table4.png")],
    ["07-损坏.json", Buffer.from("{\"format\": \"xxgk-nianbao/1\", \"fields\": {")],
    ["08-填错.json", Buffer.from(JSON.stringify(wrong))],
  ];
  for (let n = 9; n <= 20; n++) list.push([`${String(n).padStart(2, "0")}-单位.json`, unit(n)]);
  return list.map(([name, buffer]) => ({ name, buffer }));
}

/** `xxgk` over the files written to a folder of their own, run there so that files are named as
 * the page names them. */
function xxgk(dir, ...args) {
  const bin = join(process.cwd(), "target/debug/xxgk");
  const built = spawnSync("cargo", ["build", "--quiet", "--locked", "--bin", "xxgk"], { encoding: "utf8" });
  assert.equal(built.status, 0, built.stderr);
  return spawnSync(bin, args, { cwd: dir, encoding: "utf8" });
}

/** The desk's shadow root, evaluated in the page. */
const rows = (page) => page.evaluate(() =>
  [...document.getElementById("xxgk-nianbao-review").shadowRoot.querySelectorAll("tr[data-file]")]
    .filter((row) => row.offsetParent !== null)
    .map((row) => ({ file: row.dataset.file, errors: row.dataset.errors, warnings: row.dataset.warnings,
      cells: [...row.cells].map((c) => c.textContent) })));

describe("the review desk", () => {
  test("reads twenty files of every kind as xxgk audit does, sorts, filters, adds up and lists them", async () => {
    const chosen = files();
    const dir = mkdtempSync(join(tmpdir(), "xxgk-review-"));
    for (const { name, buffer } of chosen) writeFileSync(join(dir, name), buffer);

    const context = await session.browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${session.base}/review.html`);
    const desk = new Widget(page);
    await desk.action("choose-files").setInputFiles(chosen.map(({ name, buffer }) => ({ name, mimeType: "", buffer })));
    // The progress bar while they are read; the table once every one is.
    await page.locator(".xd-progress progress").waitFor();
    await page.waitForFunction(() => {
      const root = document.getElementById("xxgk-nianbao-review").shadowRoot;
      return root.querySelectorAll("tr[data-file]").length === 20 && !root.querySelector(".xd-progress");
    }, null, { timeout: 120_000 });

    // Every row as `xxgk audit --json` says of the same file.
    const audit = xxgk(dir, "audit", "--json", "--csv", "问题清单.csv", ...chosen.map((f) => f.name));
    assert.equal(audit.status, 1, "a report with errors and files that cannot be read");
    const expected = audit.stdout.trim().split("\n").map((line) => JSON.parse(line));
    const shown = await rows(page);
    assert.deepEqual(shown.map((r) => r.file), chosen.map((f) => f.name), "in the order chosen");
    for (const [row, cli] of shown.map((r, n) => [r, expected[n]])) {
      if (cli.error) {
        assert.equal(row.cells[1], `无法读取：${cli.error}`, row.file);
        continue;
      }
      assert.deepEqual(
        [row.cells[1], row.cells[2], row.cells[3], Number(row.errors), Number(row.warnings), row.cells[6]],
        [cli.agency, cli.year, cli.format, cli.errors, cli.warnings,
          [...cli.rules, ...(cli.open.length > 0 ? ["尚未填完"] : [])].join(", ")], row.file);
    }
    assert.ok(Number(shown[7].errors) > 0, "the wrong report has errors");
    assert.match(shown[5].cells[1], /这是一张图片/);
    // The copies read with numbers not settled are said too, never left out as fine.
    const unsettled = expected.filter((cli) => !cli.error && cli.rules.includes("IMPORT")).length;
    assert.ok(unsettled > 0, "the old format's note is one");
    assert.equal(await desk.page.locator('[data-role="summary"]').textContent(),
      `共 20 个文件，3 个有错误或无法读取，${unsettled} 个有未能确定读取的数字（IMPORT）。`);

    // Sorted by 错误 downwards: the two files that could not be read, then the report in error.
    await page.locator('[data-sort="errors"]').click();
    await page.locator('[data-sort="errors"]').click();
    assert.deepEqual((await rows(page)).slice(0, 3).map((r) => r.file), ["06-扫描件.png", "07-损坏.json", "08-填错.json"]);
    assert.equal(await page.locator('th:has([data-sort="errors"])').getAttribute("aria-sort"), "descending");
    // By 机关 (Chinese collation): 平潭 before 咸宁, 某某县 between.
    await page.locator('[data-sort="agency"]').click();
    const agencies = (await rows(page)).map((r) => r.cells[1]).filter((a) => !a.startsWith("无法读取"));
    assert.deepEqual(agencies, [...agencies].sort((a, b) => a.localeCompare(b, "zh-CN")));

    // Only the reports with T3-ROW: the wrong one.
    await page.locator('[data-action="filter"]').selectOption("T3-ROW");
    assert.deepEqual((await rows(page)).map((r) => r.file), ["08-填错.json"]);
    // Opened: its findings and its preview.
    await page.locator('tr[data-file="08-填错.json"] .xd-open').click();
    const opened = page.locator(".xd-opened");
    await opened.locator(".xd-findings .xd-error").first().waitFor();
    assert.match(await opened.locator(".xd-findings").textContent(), /错误 T3-ROW：/);
    assert.match(await opened.locator(".xd-preview").textContent(), /一、本年新收政府信息公开申请数量1581160916371665169317219907/,
      "the preview of the report as read, its wrong 总计 too");
    assert.ok(await opened.locator(".xd-preview table").count() >= 3, "the preview has the three tables");
    await page.locator('[data-action="filter"]').selectOption("");
    assert.equal((await rows(page)).length, 20);

    // 下载汇总 asks first: a unit has errors, and one agency's report is there four times (its page,
    // PDF, Word and Word 97 copies), each of which the 汇总 adds. Cancelled, nothing is said done.
    await desk.action("download-sum").click();
    const question = page.locator(".xd-question");
    assert.match(await question.textContent(), /08-填错\.json（某某县填错单位）：T3-ROW/);
    assert.deepEqual(await question.locator('[data-role="repeated"] li').allTextContents(),
      ["咸宁市政务服务和大数据管理局：01-咸宁网页.txt、02-咸宁.pdf、03-咸宁.docx、04-咸宁.doc"]);
    await desk.action("sum-cancel").click();
    assert.equal(await question.count(), 0);
    assert.equal(await page.locator(".xd-said.xd-done").count(), 0);
    // Downloaded anyway: what `xxgk sum` makes of the same reports, said as a reminder.
    await desk.action("download-sum").click();
    const sum = await desk.download("sum-anyway");
    assert.equal(sum.name, "汇总（18个单位）.json");
    const readable = chosen.filter((f) => !/扫描件|损坏/.test(f.name)).map((f) => f.name);
    const cliSum = xxgk(dir, "sum", ...readable);
    assert.deepEqual(JSON.parse(sum.text), JSON.parse(cliSum.stdout));
    assert.match(await page.locator(".xd-said.xd-reminder").textContent(),
      /已下载汇总：18 份报告逐格相加。另有 2 个文件无法读取，未计入。其中 1 个单位的报告有错误.*有 1 个机关的报告不止一份/);
    writeFileSync(join(dir, "汇总.json"), sum.bytes);
    // Opened by `xxgk check`: the totals are derived from the cells added up, so the unit's wrong
    // 总计 is not carried into it.
    const checked = xxgk(dir, "check", "汇总.json");
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.equal(JSON.parse(sum.text).fields["meta.agency"], "汇总（18个单位）");

    // 导出问题清单: byte for byte the command line's, a byte-order mark first.
    const csv = await desk.download("download-csv");
    assert.equal(csv.name, "问题清单.csv");
    assert.deepEqual(csv.bytes, readFileSync(join(dir, "问题清单.csv")));
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

    // 清空, then two units (one with a cell left blank) and the 汇总 just downloaded, chosen together
    // next time: 下载汇总 names the earlier 汇总 before adding its units in again, and the blank cell.
    await desk.action("clear").click();
    assert.equal((await rows(page)).length, 0);
    const unfinished = JSON.parse(chosen[8].buffer);
    unfinished.fields["requests.received.commercial"] = "";
    const again = [{ name: chosen[8].name, buffer: Buffer.from(JSON.stringify(unfinished)) }, chosen[9],
      { name: "汇总（18个单位）.json", buffer: sum.bytes }];
    await desk.action("choose-files").setInputFiles(again.map(({ name, buffer }) => ({ name, mimeType: "", buffer })));
    await page.waitForFunction(() => {
      const root = document.getElementById("xxgk-nianbao-review").shadowRoot;
      return root.querySelectorAll("tr[data-file]").length === 3 && !root.querySelector(".xd-progress");
    });
    await desk.action("download-sum").click();
    assert.deepEqual(await question.locator('[data-role="earlier-sums"] li').allTextContents(), ["汇总（18个单位）.json"]);
    assert.deepEqual(await question.locator('[data-role="blank"] li').allTextContents(), ["09-单位.json（某某县第9单位）：1 个数字格未填"]);
    await desk.action("sum-cancel").click();
    await desk.action("clear").click();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a whole folder is read, sub-folders too, and only its report files", async (t) => {
    if (OLDEST || FIREFOX) {
      // The driver's setInputFiles never returns there for a folder; the page's code is the same.
      t.skip("the driver cannot set a folder on a file input in Chromium 86 or Firefox");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "xxgk-folder-"));
    const report = readFileSync(new URL("editors/report.json", fixtures));
    spawnSync("mkdir", ["-p", join(dir, "县直/乡镇")]);
    writeFileSync(join(dir, "县直/教育局.json"), report);
    writeFileSync(join(dir, "县直/乡镇/甲镇.pdf"), readFileSync(new URL("docx/report.pdf", fixtures)));
    writeFileSync(join(dir, "县直/说明.zip"), "not a report");
    const page = await (await session.browser.newContext()).newPage();
    await page.goto(`${session.base}/review.html`);
    await page.locator('[data-action="choose-folder"]').setInputFiles(join(dir, "县直"));
    await page.waitForFunction(() =>
      document.getElementById("xxgk-nianbao-review").shadowRoot.querySelectorAll("tr[data-file]").length === 2
      && !document.getElementById("xxgk-nianbao-review").shadowRoot.querySelector(".xd-progress"));
    assert.deepEqual((await rows(page)).map((r) => r.file), ["县直/乡镇/甲镇.pdf", "县直/教育局.json"]);
    await page.context().close();
  });

  test("a report file opened says 没有发现问题 only when nothing is still open", async () => {
    const page = await (await session.browser.newContext()).newPage();
    await page.goto(`${session.base}/review.html`);
    const report = JSON.parse(readFileSync(new URL("editors/report.json", fixtures), "utf8"));
    const undated = structuredClone(report);
    undated.fields["meta.signed_on"] = "";
    const chosen = [["完整.json", report], ["无日期.json", undated]]
      .map(([name, file]) => ({ name, mimeType: "", buffer: Buffer.from(JSON.stringify(file)) }));
    await new Widget(page).action("choose-files").setInputFiles(chosen);
    // Every file read: the progress bar above the table is gone, and the table has moved up.
    await page.waitForFunction(() => {
      const root = document.getElementById("xxgk-nianbao-review").shadowRoot;
      return root.querySelectorAll("tr[data-file]").length === 2 && !root.querySelector(".xd-progress");
    });
    const opened = async (file) => {
      await page.locator(`tr[data-file="${file}"][data-errors="0"][data-warnings="0"] .xd-open`).click();
      return page.locator(".xd-opened");
    };
    assert.equal(await (await opened("完整.json")).locator(".xd-done").textContent(), "没有发现问题。");
    const undatedRow = await opened("无日期.json");
    assert.equal(await undatedRow.locator(".xd-done").count(), 0);
    assert.deepEqual(await undatedRow.getByTestId("open-item").allTextContents(), ["尚未填完：落款没有成文日期"]);
    // Closed, its row does not look like one with nothing to do: 规则 says it, the summary counts
    // it, and the filter finds it.
    assert.deepEqual((await rows(page)).map((r) => r.cells[6]), ["", "尚未填完"]);
    assert.equal(await page.locator('[data-role="summary"]').textContent(),
      "共 2 个文件，0 个有错误或无法读取，1 份报告文件尚未填完。");
    await page.locator('[data-action="filter"]').selectOption("尚未填完");
    assert.deepEqual((await rows(page)).map((r) => r.file), ["无日期.json"]);
    await page.context().close();
  });

  test("a report clicked while the next file comes in is the one opened", async () => {
    const page = await (await session.browser.newContext()).newPage();
    await page.goto(`${session.base}/review.html`);
    const desk = new Widget(page);
    const report = readFileSync(new URL("editors/report.json", fixtures));
    const chosen = [["甲.json", report], ["乙.json", report], ["丙.pdf", readFileSync(new URL("docx/report.pdf", fixtures))]]
      .map(([name, buffer]) => ({ name, mimeType: "", buffer }));
    const opened = () => page.evaluate(() => [...document.getElementById("xxgk-nianbao-review").shadowRoot
      .querySelectorAll('tr[data-file] [aria-expanded="true"]')].map((button) => button.textContent));
    // The first row is clicked as soon as it is there, while 乙 is being read (which, when the rows
    // were not keyed, opened 乙 in about half the tries).
    for (let round = 0; round < 5; round++) {
      await desk.action("choose-files").setInputFiles(chosen);
      await page.locator('tr[data-file="甲.json"] .xd-open').click();
      await page.waitForFunction(() => !document.getElementById("xxgk-nianbao-review").shadowRoot.querySelector(".xd-progress"));
      assert.deepEqual(await opened(), ["甲.json"], `round ${round}`);
      await desk.action("clear").click();
    }
    await page.context().close();
  });

  test("files dropped on the desk are read as chosen ones are", async () => {
    const page = await (await session.browser.newContext()).newPage();
    await page.goto(`${session.base}/review.html`);
    await page.locator(".xd-intake").waitFor();
    const report = readFileSync(new URL("editors/report.json", fixtures), "utf8");
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "拖入.json", { type: "application/json" }));
      const target = document.getElementById("xxgk-nianbao-review").shadowRoot.querySelector(".xd-intake");
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, report);
    await page.locator('tr[data-file="拖入.json"][data-errors="0"]').waitFor();
    await page.context().close();
  });
});
