// Nothing is ever lost: autosave and reload, storage that fails, report files in and out, undo and
// redo, and starting from last year's report — in headless Chromium against dist/.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { Drafts, FIREFOX, OLDEST, launch, startSession } from "./widget.mjs";

const example = await readFile(new URL("../../src/report/xxgk-nianbao-example.json", import.meta.url), "utf8");

const session = startSession();

const open = (options) => Drafts.open(session.browser, `${session.base}/`, options);
const withClock = () => open({ clock: true });

/** The example file with some fields changed, as another report file would be. */
function exampleWith(changes) {
  const file = JSON.parse(example);
  Object.assign(file.fields, changes);
  return JSON.stringify(file);
}

/** After `reader` took `writer`'s table 三 count from another tab, a change in `writer`: a reload
 * of `reader` shows both, the one tab never having written over the other. */
async function bothKept(writer, reader, { byKeyboard = false } = {}) {
  const [key, text] = ["overview.platforms", "本机关门户网站运行正常。"];
  if (byKeyboard) {
    await writer.page.evaluate((key) => document.getElementById("xxgk-nianbao").shadowRoot.querySelector(`[data-key="${key}"]`).focus(), key);
    await writer.page.keyboard.type(text);
  } else {
    await writer.type(key, text);
  }
  await writer.saved();
  await reader.page.reload();
  await reader.cell("meta.agency").waitFor();
  assert.equal(await reader.value("requests.received.natural_person"), "12");
  assert.equal(await reader.value("overview.platforms"), "本机关门户网站运行正常。");
}

describe("autosave", () => {
  test("a reload brings back cells, text, bad entries and their findings", async () => {
    const w = await open();
    await w.type("meta.agency", "某某县某某局");
    await w.type("requests.received.natural_person", "12");
    await w.type("requests.received.commercial", "x1");
    await w.type("problems.this_year", "第一段\n\n第二段");
    assert.match(await w.saved(), /已自动保存/);
    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    assert.equal(await w.value("meta.agency"), "某某县某某局");
    assert.equal(await w.page.getByTestId("save-status").textContent(), "✓ 已保存在本浏览器中", "not 尚未填写");
    assert.equal(await w.value("requests.received.natural_person"), "12");
    assert.equal(await w.value("requests.received.commercial"), "x1");
    assert.equal(await w.value("problems.this_year"), "第一段\n\n第二段");
    assert.match(await w.messages("NUM").first().textContent(), /“x1”/);
    assert.ok(await w.messages("T3-BAL").count() > 0 || await w.findings("NUM").count() > 0);
  });

  test("drafts are kept per agency and year; the clerk can switch and delete them", async () => {
    const w = await open();
    await w.name("甲局", "2025");
    await w.newDraft();
    assert.equal(await w.value("meta.agency"), "");
    await w.name("乙局", "2024");
    await w.action("drafts").click();
    await w.action("drafts").click();
    const list = w.page.getByTestId("drafts");
    assert.match(await list.getByTestId("drafts-kept").textContent(),
      new RegExp(`只在本网址（${session.base.replace(/[.]/g, "\\.")}）下能看到.*导出报告文件`), "where the drafts are, and are not");
    assert.match(await list.textContent(), /甲局 2025年/);
    assert.match(await list.textContent(), /乙局 2024年.*正在编辑/s);
    await list.locator("li", { hasText: "甲局" }).locator('[data-action="open-draft"]').click();
    assert.equal(await w.value("meta.agency"), "甲局");
    await w.saved();
    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    assert.equal(await w.value("meta.agency"), "甲局", "the draft in use is the one that comes back");
    await w.action("drafts").click();
    const drafts = w.page.getByTestId("drafts");
    await drafts.locator("li", { hasText: "乙局" }).locator('[data-action="delete-draft"]').click();
    assert.match(await drafts.locator(".xx-confirm").textContent(), /删除草稿“乙局 2024年”/, "deleting asks first");
    assert.equal(await w.focusedAction(), "confirm-delete", "the question has the focus on its answer");
    await w.action("confirm-delete").click();
    assert.equal(await drafts.locator("li", { hasText: "乙局" }).count(), 0);
    await w.action("restore-draft").click();
    assert.equal(await drafts.locator("li", { hasText: "乙局" }).count(), 1, "a deleted draft can be put back");
    await drafts.locator("li", { hasText: "乙局" }).locator('[data-action="delete-draft"]').click();
    await w.action("confirm-delete").click();
    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    await w.action("drafts").click();
    assert.doesNotMatch(await w.page.getByTestId("drafts").textContent(), /乙局/, "deleted for good once the page is left");
  });

  test("a reload right after typing keeps the typing", async () => {
    const w = await open();
    await w.type("meta.agency", "丙局");
    await w.saved();
    await w.cell("requests.received.natural_person").pressSequentially("42");
    // Reloaded while the save is still due.
    await w.page.getByTestId("save-status").filter({ hasText: "正在保存" }).waitFor();
    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    assert.equal(await w.value("requests.received.natural_person"), "42");
  });

  /** Types `first` in the number cell as a slow machine takes it — from then on every reading of
   * the clock is a second later, so the widget hands the browser back its turn after drawing it,
   * its work not finished — then in that turn types `second` (if any) and leaves the page: what
   * storage holds of the drafts. Each typing is [the cell's value, the character typed]. */
  async function leftOnASlowMachine(w, first, second) {
    return w.page.evaluate(([first, second]) => new Promise((resolve) => {
      const cell = document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-key="requests.received.natural_person"]');
      const type = ([value, data]) => {
        cell.value = value;
        cell.dispatchEvent(new InputEvent("input", { bubbles: true, data, inputType: "insertText" }));
      };
      const now = Date.now;
      let late = 0;
      Date.now = () => now.call(Date) + (late += 1000);
      type(first);
      setTimeout(() => {
        if (second) type(second);
        window.dispatchEvent(new PageTransitionEvent("pagehide"));
        Date.now = now;
        resolve(Object.keys(localStorage).filter((k) => k.startsWith("xxgk-nianbao/draft/"))
          .map((k) => localStorage.getItem(k)).join(""));
      }, 0);
    }), [first, second]);
  }

  test("a page left after a keystroke is drawn but before the widget has finished with it keeps it", async () => {
    const w = await open();
    await w.type("meta.agency", "丙局");
    await w.type("requests.received.natural_person", "4");
    await w.saved();
    const stored = await leftOnASlowMachine(w, ["42", "2"], null);
    assert.match(stored, /"requests.received.natural_person": "42"/);
  });

  test("a page left after a keystroke is taken but before it is drawn keeps it", async () => {
    const w = await open();
    await w.type("meta.agency", "丙局");
    await w.type("requests.received.natural_person", "4");
    await w.saved();
    // The second keystroke is taken in the turn the browser got back: not drawn, the widget's
    // turn still to come.
    const stored = await leftOnASlowMachine(w, ["40", "0"], ["402", "2"]);
    assert.match(stored, /"requests.received.natural_person": "402"/);
  });

  test("Ctrl+S says the widget saves by itself, instead of saving the portal's page", async () => {
    const w = await open();
    await w.type("meta.agency", "测试县某某局");
    const cell = w.cell("requests.received.natural_person");
    await cell.fill("12");
    await cell.scrollIntoViewIfNeeded();
    const place = (await cell.boundingBox()).y;
    await w.page.evaluate(() => document.addEventListener("keydown", (e) => { window.xxSaveKept = e.defaultPrevented; }));
    await w.page.keyboard.press("Control+s");
    assert.equal(await w.page.evaluate(() => window.xxSaveKept), true, "the browser's own 另存为 is not opened");
    assert.match(await w.notice().textContent(), /随时自动保存.*不必按 Ctrl\+S.*导出报告文件/);
    assert.ok(Math.abs((await cell.boundingBox()).y - place) < 2, "the clerk stays where they were");
    assert.equal(await w.value("requests.received.natural_person"), "12");
  });

  test("when the widget fails, the waiting change is saved and the clerk is told to reload", async () => {
    const w = await open();
    await w.type("meta.agency", "测试县某某局");
    await w.type("requests.received.natural_person", "12");
    // A script of the host page takes part of the widget away, and the widget's next change of
    // its page fails (as a bug would), well within the autosave's delay.
    await w.page.evaluate(() => document.getElementById("xxgk-nianbao").shadowRoot.querySelector(".xx-layout").remove());
    await w.action("paste-import").click();
    const said = w.page.getByTestId("widget-failed");
    await said.waitFor();
    assert.equal(await said.getAttribute("role"), "alert");
    assert.match(await said.textContent(), /编制助手出错，已停止工作。出错之前填写的内容已保存在本浏览器中。请刷新页面后继续填写。/);
    const stored = await w.page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith("xxgk-nianbao/draft/")).map((k) => localStorage.getItem(k)).join(""));
    assert.match(stored, /"requests.received.natural_person": "12"/, "saved at once, not left to a timer that will not run");
    assert.equal(await w.page.locator(".xx-root.xx-stopped").count(), 1, "the form no longer looks alive");
    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    assert.equal(await w.value("requests.received.natural_person"), "12");
    assert.equal(await w.page.getByTestId("widget-failed").count(), 0);
  });

  test("two tabs of the page never write over each other's work", async () => {
    const a = await withClock();
    await a.name("测试县某某局", "2025");
    const storedAt = () => a.page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("xxgk-nianbao/draft/"));
      return JSON.parse(localStorage.getItem(key)).savedAt;
    });
    const before = await storedAt();
    const b = await a.anotherTab();
    assert.equal(await b.value("meta.agency"), "测试县某某局");
    await b.page.clock.runFor(5000); // any save due would be written by now
    assert.equal(await storedAt(), before, "a tab that only opens the draft does not write it");

    // The clerk goes on in the first tab; the second, left open further down, follows at once
    // and stays where it was.
    const cell = b.cell("requests.received.natural_person");
    await cell.scrollIntoViewIfNeeded();
    const place = (await cell.boundingBox()).y;
    await a.type("requests.received.natural_person", "12");
    await a.saved();
    await b.shows("requests.received.natural_person", "12");
    assert.match(await b.notice().textContent(), /另一个标签页中修改并保存/);
    assert.ok(Math.abs((await cell.boundingBox()).y - place) < 2, "the cell stays where it was on the screen");

    // Later, a change in the second tab: the first tab's work stays in the draft.
    await bothKept(b, a);
    assert.deepEqual([...a.errors, ...b.errors], []);
  });

  test("a page kept for the back button shows what another tab saved meanwhile", async () => {
    // The driver turns the browser's back/forward cache off; a clerk's Chromium has it on (since
    // 96 on the desktop; Chromium 86 loads the page again, which reads the draft as stored), and
    // so does Firefox, which does not tell the kept page of the other tab's save.
    const browser = await launch([], { ignoreDefaultArgs: ["--disable-back-forward-cache"] });
    try {
      const a = await Drafts.open(browser, `${session.base}/`);
      await a.name("测试县某某局", "2025");
      const b = await a.anotherTab();
      await a.page.evaluate(() => { window.xxKept = true; });
      await a.page.goto("about:blank");
      await b.type("requests.received.natural_person", "12");
      await b.saved();
      // Firefox's driver does not see a page come back from that cache: there the page goes back.
      if (FIREFOX) await a.page.evaluate(() => setTimeout(() => history.back()));
      else await a.page.goBack({ waitUntil: "commit" });
      await a.shows("requests.received.natural_person", "12");
      if (!OLDEST) assert.equal(await a.page.evaluate(() => window.xxKept), true, "the page was kept, not loaded again");
      // Nor do its locators act on the page after it: there the clerk's typing is the keyboard's.
      await bothKept(a, b, { byKeyboard: FIREFOX });
    } finally {
      await browser.close();
    }
  });

  test("loading the example over a saved draft keeps both drafts, across a reload", async () => {
    const w = await open();
    await w.type("meta.agency", "测试县某某局");
    await w.type("meta.year", "2025");
    await w.type("requests.received.natural_person", "5");
    await w.loadExample();
    assert.equal(await w.value("meta.agency"), "咸宁市政务服务和大数据管理局");
    await w.saved();
    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    await w.action("drafts").click();
    const drafts = w.page.getByTestId("drafts");
    assert.match(await drafts.locator("li", { hasText: "咸宁市" }).textContent(), /正在编辑/);
    await drafts.locator("li", { hasText: "测试县某某局 2025年" }).locator('[data-action="open-draft"]').click();
    assert.equal(await w.value("requests.received.natural_person"), "5", "the clerk's work is all there");
  });

  test("opening a report file or starting from last year over work starts a new draft", async () => {
    const w = await open();
    await w.type("meta.agency", "丁局");
    await w.type("meta.year", "2025");
    await w.pick("open-file", "上报.json", example);
    await w.action("confirm-import").click();
    assert.match(await w.notice().textContent(), /原来的报告仍在“草稿”中/);
    await w.pick("last-year-file", "上年.json", example);
    await w.action("confirm-import").click();
    assert.equal(await w.value("meta.year"), "2023");
    await w.saved();
    await w.action("drafts").click();
    const labels = await w.page.getByTestId("drafts").locator(".xx-draft-label").allTextContents();
    assert.deepEqual(labels.sort(), ["丁局 2025年", "咸宁市政务服务和大数据管理局 2022年", "咸宁市政务服务和大数据管理局 2023年"]);
  });

  test("two drafts of the same agency and year are told apart by their last change", async () => {
    const w = await open();
    await w.name("戊局", "2025");
    await w.newDraft();
    await w.name("戊局", "2025");
    await w.action("drafts").click();
    await w.action("drafts").click();
    const drafts = w.page.getByTestId("drafts");
    assert.match(await drafts.getByTestId("twin-drafts").textContent(), /有 2 份草稿的机关和年度相同/);
    assert.equal(await drafts.locator("li", { hasText: "修改的一份" }).count(), 2);
  });

  test("when storage refuses to save, the clerk is warned and nothing on screen is lost", async () => {
    const w = await open({
      init: () => {
        Storage.prototype.setItem = function () {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      },
    });
    await w.type("meta.agency", "某某镇人民政府");
    await w.type("requests.received.natural_person", "3");
    const warning = w.page.getByTestId("storage-warning");
    await warning.waitFor();
    assert.match(await warning.textContent(), /无法保存草稿.*导出报告文件/);
    await w.type("requests.received.research", "4");
    assert.equal(await w.value("meta.agency"), "某某镇人民政府");
    assert.equal(await w.value("requests.received.total"), "7");
    assert.ok(await warning.isVisible(), "the warning stays while saving keeps failing");
  });
});

describe("report files", () => {
  test("export gives the report file of docs/FORMAT.md §2", async () => {
    const w = await open();
    await w.loadExample();
    await w.type("requests.received.commercial", "2");
    const offered = await w.download("export-file");
    assert.equal(offered.name, "咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告.json");
    const file = JSON.parse(offered.text);
    assert.equal(file.format, "xxgk-nianbao/1");
    assert.equal(file.fields["requests.received.commercial"], "2");
    assert.equal(file.fields["meta.agency"], "咸宁市政务服务和大数据管理局");
  });

  test("a corrupt file, a JSON of another shape and a future format are refused and change nothing", async () => {
    const w = await open();
    await w.type("meta.agency", "某某局");
    await w.type("requests.received.natural_person", "5");
    const cases = [
      ["broken.json", '{"format": "xxgk-nianbao/1", "fields": {', /不是有效的 JSON/],
      ["other.json", '{"name": "别的东西", "items": [1, 2]}', /不是年度报告文件/],
      ["future.json", '{"format": "xxgk-nianbao/7", "fields": {}}', /更新版本/],
    ];
    for (const [name, content, reason] of cases) {
      await w.pick("open-file", name, content);
      const notice = await w.notice().filter({ hasText: name }).textContent();
      assert.match(notice, reason, name);
      assert.match(notice, new RegExp(`无法打开“${name}”.*没有任何改动`));
      assert.equal(await w.value("meta.agency"), "某某局");
      assert.equal(await w.value("requests.received.natural_person"), "5");
    }
  });

  test("importing over a report asks first, and 撤销导入 brings the previous report back", async () => {
    const w = await open();
    await w.type("meta.agency", "某某局");
    await w.type("requests.received.natural_person", "5");
    await w.pick("open-file", "上报.json", example);
    await w.action("confirm-import").waitFor();
    assert.equal(await w.value("meta.agency"), "某某局");
    assert.equal(await w.focusedAction(), "confirm-import", "the question has the focus on its answer");
    await w.page.keyboard.press("Enter");
    await w.shows("meta.agency", "咸宁市政务服务和大数据管理局");
    await w.action("undo-import").click();
    assert.equal(await w.value("meta.agency"), "某某局");
    assert.equal(await w.value("requests.received.natural_person"), "5");
    await w.action("redo").click();
    await w.action("drafts").click();
    await w.action("new-draft").click();
    assert.equal(await w.action("undo-import").count(), 0, "no 撤销导入 left over for a draft it cannot apply to");
  });

  test("a report file dropped on the widget opens like a picked one", async () => {
    const w = await open();
    await w.page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], "拖入.json", { type: "application/json" }));
      const target = document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-key="overview.intro"]');
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, composed: true, cancelable: true }));
    }, example);
    await w.notice().waitFor();
    assert.match(await w.notice().textContent(), /已打开“拖入.json”/);
    assert.equal(await w.value("meta.agency"), "咸宁市政务服务和大数据管理局");
  });
});

describe("undo and redo", () => {
  test("across typing, a paste and an import, with buttons and keys", async () => {
    const w = await open();
    await w.cell("requests.received.natural_person").pressSequentially("123");
    await w.cell("overview.intro").focus();
    await w.page.evaluate(() => {
      const area = document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-key="overview.intro"]');
      area.value = "粘贴进来的一段话";
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste", data: null }));
    });
    await w.pick("open-file", "a.json", exampleWith({ "meta.agency": "导入的局" }));
    await w.action("confirm-import").click();
    assert.equal(await w.value("meta.agency"), "导入的局");

    await w.action("undo").click();
    assert.equal(await w.value("meta.agency"), "");
    assert.equal(await w.value("overview.intro"), "粘贴进来的一段话");
    await w.page.keyboard.press("Control+z");
    assert.equal(await w.value("overview.intro"), "");
    assert.equal(await w.value("requests.received.natural_person"), "123", "the paste was its own step");
    await w.page.keyboard.press("Control+z");
    assert.equal(await w.value("requests.received.natural_person"), "", "typing 123 was one step");
    assert.equal(await w.action("undo").getAttribute("aria-disabled"), "true");

    await w.page.keyboard.press("Control+Shift+z");
    assert.equal(await w.value("requests.received.natural_person"), "123");
    await w.page.keyboard.press("Control+y");
    assert.equal(await w.value("overview.intro"), "粘贴进来的一段话");
    await w.action("redo").click();
    assert.equal(await w.value("meta.agency"), "导入的局");
    assert.equal(await w.action("redo").getAttribute("aria-disabled"), "true");
  });
});

describe("undo like a word processor", () => {
  test("a pause or a sentence end starts a new step in a text field", async () => {
    const w = await withClock();
    const intro = w.cell("overview.intro");
    await intro.pressSequentially("统计期限为一年。");
    await intro.pressSequentially("主动公开");
    await w.page.clock.fastForward(1300);
    await intro.pressSequentially("信息");
    const steps = [await w.value("overview.intro")];
    for (let n = 0; n < 3; n++) {
      await w.page.keyboard.press("Control+z");
      steps.push(await w.value("overview.intro"));
    }
    assert.deepEqual(steps, ["统计期限为一年。主动公开信息", "统计期限为一年。主动公开", "统计期限为一年。", ""]);
  });

  test("undoing a change in another field brings that field into view and focuses it", async () => {
    const w = await open();
    await w.type("requests.carried_forward.other_org", "2");
    await w.cell("meta.agency").click();
    await w.cell("meta.agency").pressSequentially("某局");
    await w.page.keyboard.press("Control+z");
    assert.equal(await w.value("meta.agency"), "");
    assert.equal(await w.focusedKey(), "meta.agency", "undoing in the field one is in stays there");
    await w.page.keyboard.press("Control+z");
    assert.equal(await w.value("requests.carried_forward.other_org"), "");
    assert.equal(await w.focusedKey(), "requests.carried_forward.other_org");
    const inView = await w.cell("requests.carried_forward.other_org").evaluate((e) => {
      const box = e.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    assert.ok(inView, "scrolled to the field the undo changed");
  });

  test("the history survives a reload of the draft", async () => {
    const w = await open();
    await w.type("meta.agency", "己局");
    await w.type("requests.received.natural_person", "6");
    await w.saved();
    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    assert.equal(await w.action("undo").getAttribute("aria-disabled"), "false");
    await w.action("undo").click();
    assert.equal(await w.value("requests.received.natural_person"), "");
    await w.action("undo").click();
    assert.equal(await w.value("meta.agency"), "");
  });
});

describe("starting from last year", () => {
  test("carry-over fills 上年结转 per column, and X-CARRY fires when it is edited away", async () => {
    const w = await open();
    const last = exampleWith({
      "requests.carried_forward.natural_person": "3",
      "requests.carried_forward.legal_service": "1",
      "problems.this_year": "（二）本年度存在的问题：解读形式单一。",
    });
    await w.pick("last-year-file", "2022年报.json", last);
    assert.equal(await w.value("meta.year"), "2023");
    assert.equal(await w.value("meta.agency"), "咸宁市政务服务和大数据管理局");
    const carried = [];
    for (const column of ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]) {
      carried.push(await w.value(`requests.carried_over.${column}`));
    }
    assert.deepEqual(carried, ["3", "0", "0", "0", "1", "0"]);
    assert.equal(await w.value("requests.carried_over.total"), "4");
    assert.equal(await w.value("problems.last_year"), "（二）本年度存在的问题：解读形式单一。");
    assert.equal(await w.cell("proactive.normative_docs.in_force").getAttribute("placeholder"), "约 4");
    assert.equal(await w.messages("X-CARRY").count(), 0);

    await w.type("requests.carried_over.natural_person", "2");
    const message = w.messages("X-CARRY").first();
    assert.match(await message.textContent(), /「自然人」= 2，但上年报告的“四、结转下年度继续办理”为 3/);
    assert.match(await message.textContent(), /^!?\s*提醒/);
    await w.type("requests.carried_over.natural_person", "3");
    assert.equal(await w.messages("X-CARRY").count(), 0);

    await w.type("proactive.normative_docs.issued", "2");
    await w.type("proactive.normative_docs.in_force", "9");
    assert.match(await w.messages("X-IN-FORCE").first().textContent(), /约为 6/);
  });

  test("the cross-year checks survive exporting the report file and opening it again", async () => {
    const w = await open();
    await w.pick("last-year-file", "2022年报.json", exampleWith({ "requests.carried_forward.natural_person": "3" }));
    await w.type("requests.carried_over.natural_person", "2");
    assert.equal(await w.messages("X-CARRY").count(), 1);
    const exported = await w.download("export-file");
    assert.equal(JSON.parse(exported.text).lastYear.fields["requests.carried_forward.natural_person"], "3");
    await w.action("drafts").click();
    await w.action("new-draft").click();
    assert.equal(await w.messages("X-CARRY").count(), 0);
    await w.pick("open-file", exported.name, exported.text);
    assert.equal(await w.value("requests.carried_over.natural_person"), "2");
    assert.match(await w.messages("X-CARRY").first().textContent(), /「自然人」= 2，但上年报告的“四、结转下年度继续办理”为 3/);
    assert.equal(await w.cell("proactive.normative_docs.in_force").getAttribute("placeholder"), "约 4");
  });
});

describe("starting from a published report", () => {
  const fixture = (name) => readFile(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
  // What the core reads from the xianning 2022 page: its 结转下年度 and its 本年度存在问题.
  const xianning = JSON.parse(execFileSync(
    "cargo", ["run", "--quiet", "--locked", "--bin", "xxgk", "--", "import", "tests/fixtures/2022_xianning_zwfw.txt"],
    { cwd: fileURLToPath(new URL("../..", import.meta.url)), encoding: "utf8" },
  )).fields;
  const lastForward = Object.fromEntries(
    ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
      .map((c) => [c, xianning[`requests.carried_forward.${c}`]]),
  );
  const lastProblems = xianning["problems.this_year"];

  test("a report pasted as page text fills the form, glued digits split by the table's arithmetic", async () => {
    const w = await open();
    await w.action("paste-import").click();
    await w.page.getByTestId("import-source").fill(await fixture("2024_pingtan_zhsyq.txt"));
    await w.action("read-import").click();
    await w.notice().waitFor();
    assert.equal(await w.value("meta.agency"), "平潭综合实验区");
    assert.equal(await w.value("meta.year"), "2024");
    assert.equal(await w.value("requests.received.natural_person"), "217");
    assert.equal(await w.value("requests.received.total"), "218");
    assert.equal(await w.value("requests.unavailable.not_held.natural_person"), "75");
    assert.equal(await w.value("appeals.suit_after_review.total"), "19");
    assert.equal(await w.value("proactive.fees.amount"), "18651.06");
    const notice = await w.notice().textContent();
    assert.match(notice, /2021年格式/);
    assert.match(notice, /未能确定读取，已列入“检查结果”/);
    assert.match(await w.notice().getAttribute("class"), /\bxx-warning\b/, "said as a reminder, not as a success");
    assert.match(await w.findings("IMPORT").allTextContents().then((t) => t.join()), /6233440/, "the row it could not split is named");
    assert.equal(await w.errorCount(), 0);
  });

  test("a copy without its title and with a row it could not read: the year is asked at its field, the sums point at the row", async () => {
    // The report's text as a page prints it, without the title, 13 lost from 1.属于国家秘密's row.
    const text = execFileSync(
      "cargo", ["run", "--quiet", "--locked", "--bin", "xxgk", "--", "render", "--text", "tests/fixtures/editors/report.json"],
      { cwd: fileURLToPath(new URL("../..", import.meta.url)), encoding: "utf8" },
    );
    const row = "1.属于国家秘密\t13\t14";
    assert.ok(text.includes(row) && !text.includes("年度报告\n"), "the row as printed, no title");
    const w = await open();
    await w.action("paste-import").click();
    await w.page.getByTestId("import-source").fill(text.replace(row, "1.属于国家秘密\t\t14"));
    await w.action("read-import").click();
    await w.notice().waitFor();
    assert.match(await w.notice().getAttribute("class"), /\bxx-warning\b/, "said as a reminder, not as a success");
    assert.equal(await w.value("meta.year"), "");
    assert.equal(await w.findings("IMPORT").filter({ hasText: "未读到报告年度" }).getAttribute("data-target"), "meta.year");
    assert.equal(await w.value("requests.withheld.state_secret.natural_person"), "");
    // Each column's sum is off by the lost row: it names the row, and marks it and the total only.
    const sums = await w.findings("T3-SUM").allTextContents();
    assert.equal(sums.length, 7);
    assert.ok(sums.every((s) => s.includes("其中「（三）不予公开 1.属于国家秘密」未填，按 0 计，请先填上。")), sums.join("\n"));
    const marked = await w.page.evaluate(() => [...document.getElementById("xxgk-nianbao").shadowRoot
      .querySelectorAll('[data-key^="requests."][aria-invalid="true"]')].map((e) => e.dataset.key.split(".").slice(1, -1).join(".")));
    assert.deepEqual([...new Set(marked)].sort(), ["outcome_total", "withheld.state_secret"]);
    // The panel takes the clerk to the row to fill, not to the total.
    await w.findings("T3-SUM").first().click();
    assert.equal(await w.focusedKey(), "requests.withheld.state_secret.natural_person");
    // Typing the year and the row settles both.
    await w.type("meta.year", "2022");
    for (const [column, n] of [["natural_person", 13], ["commercial", 14], ["research", 15], ["social_welfare", 16], ["legal_service", 17], ["other_org", 18]]) {
      await w.type(`requests.withheld.state_secret.${column}`, String(n));
    }
    assert.equal(await w.findings("T3-SUM").count(), 0);
    assert.equal(await w.findings("IMPORT").filter({ hasText: "未读到报告年度" }).count(), 0);
    assert.equal(await w.errorCount(), 0);
  });

  test("what the import could not read stays in the findings across a reload until settled", async () => {
    const w = await open();
    await w.action("paste-import").click();
    await w.page.getByTestId("import-source").fill(await fixture("2024_pingtan_zhsyq.txt"));
    await w.action("read-import").click();
    await w.notice().waitFor();
    const notes = await w.findings("IMPORT").count();
    assert.equal(notes, 2, "表二「规章」, split the only way, and 「行政规范性文件」, left blank");
    const first = w.findings("IMPORT").first();
    const target = await first.getAttribute("data-target");
    await w.saved();
    await w.page.reload();
    await w.cell("meta.agency").waitFor();
    assert.equal(await w.findings("IMPORT").count(), notes, "still there after a reload");
    await w.type(target, "0");
    assert.equal(await w.findings("IMPORT").count(), notes - 1, "typing the cell settles its note");
    await w.action("dismiss-note").first().click();
    assert.equal(await w.findings("IMPORT").count(), 0, "or the clerk dismisses it");
  });

  test("a copy asks about a number the import read for the clerk to check, until it is checked", async () => {
    const w = await open({ context: { permissions: ["clipboard-read", "clipboard-write"] } });
    await w.action("paste-import").click();
    await w.page.getByTestId("import-source").fill(await fixture("2024_pingtan_zhsyq.txt"));
    await w.action("read-import").click();
    await w.notice().waitFor();
    // What the import left blank, and what the copy lacks, the clerk fills in.
    for (const [column, n] of [["issued", "62"], ["repealed", "33"], ["in_force", "440"]]) {
      await w.type(`proactive.normative_docs.${column}`, n);
    }
    await w.type("problems.last_year", "上年度存在的问题已按计划整改。");
    await w.type("meta.signed_on", "2025年1月20日");
    await w.action("copy-source").click();
    const question = w.page.locator(".xx-publish .xx-confirm");
    assert.equal(await question.textContent().then((t) => t.match(/^[^？]*？/)[0]),
      "报告有 1 条提醒，请逐条确认无误。仍要继续吗？", "表二「规章」, split the only way, is not checked yet");
    await w.action("cancel").click();
    await w.action("dismiss-note").click();
    await w.action("copy-source").click();
    assert.equal(await w.action("confirm").count(), 0, "checked, nothing is left to ask");
    const status = w.page.getByTestId("copy-status");
    await status.waitFor();
    assert.equal(await status.getAttribute("class"), "xx-status xx-ok", await status.textContent());
  });

  test("a pasted published report becomes this year's report, carried over, in one step", async () => {
    const w = await open();
    const start = w.page.getByTestId("start");
    assert.match(await start.textContent(), /从上年的报告开始.*打开报告文件.*从空白开始.*载入示例/s);
    await w.action("paste-import").click();
    // The box takes the caret: what the clerk pastes right after the click goes into it.
    await w.page.keyboard.insertText(await fixture("2022_xianning_zwfw.txt"));
    assert.equal(await w.page.getByTestId("import-source").inputValue(), await fixture("2022_xianning_zwfw.txt"));
    await w.action("read-last-year").click();
    await w.notice().waitFor();
    assert.match(await w.notice().textContent(), /新建本年度报告/);
    assert.equal(await w.value("meta.year"), "2023", "this year's report, not last year's");
    assert.equal(await w.value("meta.agency"), "咸宁市政务服务和大数据管理局");
    for (const [column, carried] of Object.entries(lastForward)) {
      assert.equal(await w.value(`requests.carried_over.${column}`), carried, column);
    }
    assert.equal(await w.value("problems.last_year"), lastProblems);
    assert.equal(await start.count(), 0, "the ways to begin give way to the report");
    // A calm start: what was carried over is not the clerk's work, nothing is a finding yet.
    assert.deepEqual(await w.page.locator(".xx-panel [data-rule]").allTextContents(), []);
    assert.equal(await w.page.locator(".xx-has-warning, .xx-has-error").count(), 0, "no cell is marked");
  });

  test("a column's balance waits for its outcomes, then speaks", async () => {
    const w = await open();
    // Last year's report carried 500 requests of 自然人 forward.
    await w.pick("last-year-file", "上年报告.json", await fixture("editors/report.json"));
    await w.page.waitForFunction(() =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-key="requests.carried_over.natural_person"]')?.value === "500");
    assert.equal(await w.errorCount(), 0, "上年结转 alone is no error");
    await w.type("requests.received.natural_person", "5");
    assert.equal(await w.errorCount(), 0, "nor a first 本年新收");
    assert.equal(await w.balance("natural_person").getAttribute("data-state"), "pending");
    await w.type("requests.disclosed.natural_person", "1");
    assert.ok(await w.findings("T3-BAL").count() > 0, "the column's outcomes begun, its balance speaks");
    assert.equal(await w.balance("natural_person").getAttribute("data-state"), "bad");
  });

  test("a draft in this browser can be last year's report; 从空白开始 just begins", async () => {
    const w = await open();
    await w.type("meta.agency", "庚局");
    await w.type("meta.year", "2024");
    await w.type("requests.carried_forward.commercial", "4");
    await w.saved();
    await w.action("drafts").click();
    await w.action("new-draft").click();
    await w.page.getByTestId("start").locator("li", { hasText: "庚局 2024年" }).locator('[data-action="start-from-draft"]').click();
    assert.equal(await w.value("meta.year"), "2025");
    assert.equal(await w.value("requests.carried_over.commercial"), "4");
    await w.action("new-draft").click();
    await w.action("start-blank").click();
    assert.equal(await w.page.getByTestId("start").count(), 0);
    assert.equal(await w.focusedKey(), "meta.agency");
  });

  test("a page saved in GBK reads as written, and a file with no report in it is refused", async () => {
    const w = await open();
    await w.action("open-file").setInputFiles({
      name: "年报.html", mimeType: "text/html",
      buffer: await readFile(new URL("../fixtures/2019_shanghai_szfbgt_gbk.html", import.meta.url)),
    });
    await w.notice().waitFor();
    assert.equal(await w.value("meta.agency"), "上海市人民政府办公厅");
    assert.equal(await w.value("requests.received.natural_person"), "821");
    await w.action("open-file").setInputFiles({
      name: "扫描件.pdf", mimeType: "application/pdf", buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97) % 256)),
    });
    await w.page.waitForFunction(() => document.getElementById("xxgk-nianbao").shadowRoot
      .querySelector('[data-testid="file-notice"]').textContent.includes("扫描件"));
    assert.match(await w.notice().textContent(), /无法打开“扫描件.pdf”：没有找到年度报告的表格和正文。当前报告没有任何改动/);
    assert.equal(await w.value("meta.agency"), "上海市人民政府办公厅");
  });

  test("a saved report page (HTML) opens through the file button and its old format is said", async () => {
    const w = await open();
    await w.action("open-file").setInputFiles({
      name: "2019年报.html", mimeType: "text/html", buffer: Buffer.from(await fixture("2019_shanghai_szfbgt.html")),
    });
    await w.notice().waitFor();
    assert.match(await w.notice().textContent(), /2019年格式/);
    assert.equal(await w.value("requests.received.natural_person"), "821");
    const blankTotal = w.cell("requests.disclosed.total");
    assert.match(await blankTotal.getAttribute("title"), /原报告此格空白/, "a total published blank is said to be so");
    const describedBy = await blankTotal.getAttribute("aria-describedby");
    assert.match(await w.page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent(), /表三「（一）予以公开」总计|未填/);
  });
});
