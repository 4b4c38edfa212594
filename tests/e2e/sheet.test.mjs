// Spreadsheet-grade entry in the three tables: block pastes through real paste events, keyboard
// moves across merged headers and derived totals, and copying a range back out as TSV.
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { FIREFOX, Widget, startSession } from "./widget.mjs";

const COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"];
const ROWS = [
  "received", "carried_over", "disclosed", "partially_disclosed",
  "withheld.state_secret", "withheld.prohibited_by_law", "withheld.security_stability", "withheld.third_party",
  "withheld.internal_affairs", "withheld.process_info", "withheld.enforcement_file", "withheld.query_matter",
  "unavailable.not_held", "unavailable.needs_creation", "unavailable.still_unclear",
  "not_processed.petition", "not_processed.repeated", "not_processed.publication", "not_processed.excessive",
  "not_processed.confirmation", "other_handling.no_correction", "other_handling.fee_unpaid", "other_handling.other",
  "outcome_total", "carried_forward",
];

const session = startSession();

const open = (options) => Widget.open(session.browser, `${session.base}/`, options);

/** Dispatches a real paste event carrying `text` on the cell with `key`. Firefox gives a script's
 * paste event no data: there the text goes on the clipboard and Control+V pastes it. */
async function paste(w, key, text) {
  await w.cell(key).focus();
  if (FIREFOX) {
    await w.page.evaluate((text) => navigator.clipboard.writeText(text), text);
    await w.page.keyboard.press("Control+v");
    return;
  }
  await w.page.evaluate(([key, text]) => {
    const cell = document.getElementById("xxgk-nianbao").shadowRoot.querySelector(`[data-key="${key}"]`);
    const data = new DataTransfer();
    data.setData("text/plain", text);
    cell.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, [key, text]);
}

/** The typed values of table 三, row by row (the （七）总计 row is derived and left out). */
async function tableThree(w) {
  return w.page.evaluate(([rows, columns]) => {
    const shadow = document.getElementById("xxgk-nianbao").shadowRoot;
    return rows.filter((r) => r !== "outcome_total")
      .map((r) => columns.map((c) => shadow.querySelector(`[data-key="requests.${r}.${c}"]`).value));
  }, [ROWS, COLUMNS]);
}

describe("pasting a block", () => {
  test("a 25×6 block from Excel into table 三's first cell fills every typed cell", async () => {
    const w = await open();
    // The （七）总计 row as Excel has it: the sum of the 21 outcome rows (rows 2 to 22).
    const value = (r, c) => (ROWS[r] === "outcome_total" ? ROWS.slice(2, 23).reduce((sum, _, o) => sum + (o + 2) * 10 + c, 0) : r * 10 + c);
    const block = ROWS.map((_, r) => COLUMNS.map((_, c) => String(value(r, c))).join("\t")).join("\r\n") + "\r\n";
    await paste(w, "requests.received.natural_person", block);
    assert.equal(await w.page.getByTestId("paste-status").textContent(), "已粘贴 25 行 × 6 列，填入 144 格。");
    assert.match(await w.page.getByTestId("paste-status").getAttribute("class"), /xx-ok/);
    const expected = ROWS.map((_, r) => COLUMNS.map((_, c) => String(r * 10 + c))).filter((_, r) => ROWS[r] !== "outcome_total");
    assert.deepEqual(await tableThree(w), expected);
    assert.equal(await w.value("requests.received.total"), String(0 + 1 + 2 + 3 + 4 + 5));
  });

  test("a row copied from a web page, one value per line with its label, fills the row", async () => {
    const w = await open();
    await paste(w, "requests.disclosed.natural_person", "（一）予以公开\n６\n0\n/\n0\n1\n1\n8\n");
    const row = await Promise.all(COLUMNS.map((c) => w.value(`requests.disclosed.${c}`)));
    assert.deepEqual(row, ["6", "0", "", "0", "1", "1"]);
    assert.equal(await w.value("requests.disclosed.total"), "8");
    assert.match(await w.page.getByTestId("paste-status").textContent(), /填入 6 格/);
  });

  test("a tab-separated row with its labels fills the row; values apart by spaces too", async () => {
    const w = await open();
    await paste(w, "requests.withheld.state_secret.natural_person", "（三）不予公开\t1.属于国家秘密\t2\t0\t0\t0\t0\t1\t3");
    assert.equal(await w.value("requests.withheld.state_secret.total"), "3");
    await paste(w, "proactive.rules.issued", "3 1 40");
    assert.deepEqual(
      [await w.value("proactive.rules.issued"), await w.value("proactive.rules.repealed"), await w.value("proactive.rules.in_force")],
      ["3", "1", "40"],
    );
  });

  test("a row whose pasted 总计 differs from its cells keeps that total, marked, and is not said as done", async () => {
    const w = await open();
    await paste(w, "requests.disclosed.natural_person", "（一）予以公开\t2\t0\t0\t0\t0\t1\t4");
    const status = w.page.getByTestId("paste-status");
    assert.match(await status.textContent(), /填入 6 格。粘贴的合计与各项之和不符，已照原样填入并标为错误/);
    assert.match(await status.getAttribute("class"), /xx-warning/);
    const total = w.cell("requests.disclosed.total");
    assert.equal((await total.textContent()).trim(), "4", "the total as pasted, not the sum");
    assert.equal(await total.getAttribute("aria-invalid"), "true");
    assert.match(await w.page.getByTestId("printed-totals").textContent(), /与计算值不符之处已列为错误/);
    // The row's own finding names it; the clerk can take the computed totals instead.
    await w.page.locator('[data-action="adopt-totals"]').click();
    assert.equal((await total.textContent()).trim(), "3");
    assert.equal(await total.getAttribute("aria-invalid"), null);
  });

  test("a differing 总计 pasted into table 四 is offered the computed totals beside table 四", async () => {
    const w = await open();
    await paste(w, "appeals.review.upheld", "1\t1\t0\t0\t3");
    assert.match(await w.page.getByTestId("paste-status").getAttribute("class"), /xx-warning/);
    const total = w.cell("appeals.review.total");
    assert.equal(await total.getAttribute("aria-invalid"), "true");
    // The offer stands in table 四's section, where the marked total is, not in table 三's.
    const offer = w.page.getByTestId("printed-totals");
    assert.equal(await offer.count(), 1);
    const sectionOf = (locator) => locator.evaluate((e) => e.closest("section").querySelector("h2").textContent);
    assert.equal(await sectionOf(offer), await sectionOf(total));
    await w.page.locator('[data-action="adopt-totals"]').click();
    assert.equal((await total.textContent()).trim(), "2");
  });

  test("a row copied with its label, pasted on another row, is refused with nothing changed", async () => {
    const w = await open();
    await paste(w, "requests.partially_disclosed.natural_person", "（一）予以公开\t2\t0\t0\t0\t0\t1\t3");
    const status = w.page.getByTestId("paste-status");
    assert.match(await status.textContent(), /粘贴的第 1 行是“（一）予以公开”，而这一格在“（二）部分公开.*”行，没有填入/);
    assert.match(await status.getAttribute("class"), /xx-error/);
    assert.equal(await w.value("requests.partially_disclosed.natural_person"), "");
    assert.equal(await w.value("requests.disclosed.natural_person"), "");
  });

  test("a paste that does not fit is refused with nothing changed", async () => {
    const w = await open();
    await w.type("appeals.review.upheld", "4");
    await paste(w, "appeals.review.upheld", Array(16).fill("1").join("\t"));
    assert.match(await w.page.getByTestId("paste-status").textContent(), /超出了表四，没有填入/);
    assert.equal(await w.value("appeals.review.upheld"), "4");
    assert.equal(await w.value("appeals.review.corrected"), "");
    await paste(w, "appeals.review.upheld", "1\t2\tabc");
    assert.match(await w.page.getByTestId("paste-status").textContent(), /“abc”不是数字/);
    assert.equal(await w.value("appeals.review.upheld"), "4");
  });

  test("one undo reverts a whole paste", async () => {
    const w = await open();
    await w.type("requests.received.natural_person", "9");
    await paste(w, "requests.received.natural_person", "1\t2\t3\n4\t5\t6");
    assert.equal(await w.value("requests.carried_over.research"), "6");
    await w.page.keyboard.press("Control+z");
    assert.equal(await w.value("requests.received.natural_person"), "9");
    assert.equal(await w.value("requests.received.commercial"), "");
    assert.equal(await w.value("requests.carried_over.research"), "");
  });
});

describe("moving like a spreadsheet", () => {
  test("arrows, Enter and Tab pass over merged headers and derived totals", async () => {
    const w = await open();
    const path = [];
    const press = async (key) => {
      await w.page.keyboard.press(key);
      path.push(await w.focusedKey());
    };
    await w.cell("requests.received.natural_person").focus();
    await press("ArrowUp");
    await press("ArrowDown");
    await press("Enter");
    await press("Shift+Enter");
    await press("ArrowRight");
    assert.deepEqual(path, [
      "requests.received.natural_person",
      "requests.carried_over.natural_person",
      "requests.disclosed.natural_person",
      "requests.carried_over.natural_person",
      "requests.carried_over.commercial",
    ]);
    await w.cell("requests.other_handling.other.research").focus();
    await w.page.keyboard.press("ArrowDown");
    assert.equal(await w.focusedKey(), "requests.carried_forward.research", "（七）总计 is derived");
    await w.cell("requests.received.other_org").focus();
    await w.page.keyboard.press("ArrowRight");
    assert.equal(await w.focusedKey(), "requests.received.other_org", "the 总计 column is derived");
    await w.page.keyboard.press("Tab");
    assert.equal(await w.focusedKey(), "requests.carried_over.natural_person");
    await w.page.keyboard.press("Shift+Tab");
    assert.equal(await w.focusedKey(), "requests.received.other_org");
    await w.cell("appeals.review.pending").focus();
    await w.page.keyboard.press("ArrowRight");
    assert.equal(await w.focusedKey(), "appeals.suit_direct.upheld");
    await w.cell("proactive.normative_docs.in_force").focus();
    await w.page.keyboard.press("ArrowDown");
    assert.equal(await w.focusedKey(), "proactive.licensing.decisions", "over the next block's headers");
  });

  test("Enter after typing along a row with Tab goes back to the column the row was begun in", async () => {
    const w = await open();
    await w.cell("requests.disclosed.commercial").focus();
    for (const value of ["1", "2", "3"]) {
      await w.page.keyboard.type(value);
      await w.page.keyboard.press("Tab");
    }
    assert.equal(await w.focusedKey(), "requests.disclosed.legal_service");
    await w.page.keyboard.press("Enter");
    assert.equal(await w.focusedKey(), "requests.partially_disclosed.commercial", "as in Excel and WPS");
    assert.deepEqual(
      await Promise.all(["commercial", "research", "social_welfare"].map((c) => w.value(`requests.disclosed.${c}`))),
      ["1", "2", "3"],
    );
    // Without a run of Tabs, or after an arrow, Enter goes straight down.
    await w.page.keyboard.press("Tab");
    await w.page.keyboard.press("ArrowRight");
    await w.page.keyboard.press("Enter");
    assert.equal(await w.focusedKey(), "requests.withheld.state_secret.social_welfare");
  });

  test("entering a cell selects it so typing replaces; Esc puts the old value back", async () => {
    const w = await open();
    await w.type("requests.received.commercial", "12");
    await w.cell("requests.received.natural_person").focus();
    await w.page.keyboard.press("ArrowRight");
    await w.page.keyboard.type("5");
    assert.equal(await w.value("requests.received.commercial"), "5");
    await w.page.keyboard.type("55");
    await w.page.keyboard.press("Escape");
    assert.equal(await w.value("requests.received.commercial"), "12");
    assert.equal(await w.value("requests.received.total"), "12");
  });

  test("typing through an input method: no move while composing, the composed digits count", async () => {
    const w = await open();
    await w.cell("requests.received.research").focus();
    await w.page.evaluate(() => {
      const cell = document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-key="requests.received.research"]');
      cell.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
      cell.value = "１２";
      cell.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertCompositionText", data: "１２", isComposing: true }));
      cell.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true, isComposing: true }));
      cell.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "１２" }));
    });
    assert.equal(await w.focusedKey(), "requests.received.research");
    assert.equal(await w.value("requests.received.total"), "12");
  });
});

describe("copying a range out", () => {
  test("Shift+arrows select a range that copies as TSV and pastes back as the same block", async () => {
    const w = await open({ context: { permissions: ["clipboard-read", "clipboard-write"] } });
    await paste(w, "requests.received.natural_person", "1\t2\t3\n4\t5\t6");
    await w.cell("requests.received.natural_person").focus();
    await w.page.keyboard.press("Shift+ArrowRight");
    await w.page.keyboard.press("Shift+ArrowRight");
    await w.page.keyboard.press("Shift+ArrowDown");
    assert.equal(await w.page.locator("td.xx-selected").count(), 6);
    await w.page.keyboard.press("Control+c");
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, "1\t2\t3\n4\t5\t6");
    await w.cell("requests.disclosed.commercial").click();
    await paste(w, "requests.disclosed.commercial", copied);
    const pasted = [];
    for (const row of ["disclosed", "partially_disclosed"]) {
      for (const c of ["commercial", "research", "social_welfare"]) pasted.push(await w.value(`requests.${row}.${c}`));
    }
    assert.deepEqual(pasted, ["1", "2", "3", "4", "5", "6"]);
  });

  test("a range selected, then a copy made in a text or the HTML source copies that, not the range", async () => {
    const w = await open({ context: { permissions: ["clipboard-read", "clipboard-write"] } });
    await paste(w, "requests.received.natural_person", "1\t2");
    await w.type("overview.intro", "本报告依据条例编制。");
    const select = async () => {
      await w.cell("requests.received.natural_person").focus();
      await w.page.keyboard.press("Shift+ArrowRight");
      assert.equal(await w.page.locator("td.xx-selected").count(), 2);
    };
    await select();
    await w.cell("overview.intro").click();
    assert.equal(await w.page.locator("td.xx-selected").count(), 0, "the range ends where the clerk went on");
    await w.page.keyboard.press("Control+a");
    await w.page.keyboard.press("Control+c");
    assert.equal(await w.page.evaluate(() => navigator.clipboard.readText()), "本报告依据条例编制。");
    // The preview's HTML source selected by hand and copied is the source, never a range's "1\t2".
    await select();
    const source = w.page.getByTestId("source");
    await source.click();
    await w.page.locator('[data-testid="preview"][data-state="current"]').waitFor();
    await w.page.waitForFunction(() =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-testid="source"]').value.includes("本报告依据条例编制。"));
    await w.page.keyboard.press("Control+a");
    await w.page.keyboard.press("Control+c");
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith("<") && copied.includes("本报告依据条例编制。"), copied.slice(0, 80));
  });

  test("dragging over cells selects the range, totals included", async () => {
    const w = await open({ context: { permissions: ["clipboard-read", "clipboard-write"] } });
    await paste(w, "requests.received.legal_service", "7\t8");
    const from = await w.cell("requests.received.legal_service").boundingBox();
    const to = await w.cell("requests.received.total").boundingBox();
    await w.page.mouse.move(from.x + 5, from.y + 5);
    await w.page.mouse.down();
    await w.page.mouse.move(to.x + 5, to.y + 5, { steps: 5 });
    await w.page.mouse.up();
    assert.equal(await w.page.locator("td.xx-selected").count(), 3);
    await w.page.keyboard.press("Control+c");
    assert.equal(await w.page.evaluate(() => navigator.clipboard.readText()), "7\t8\t15");
  });
});
