// The widget as a test sees it: a page object over stable attributes (data-key, data-rule,
// data-action, data-testid), so tests read as what a clerk does.
import { after, before } from "node:test";
import { chromium } from "playwright-core";

import { launch86 } from "./chromium86.mjs";
import { launchFirefox } from "./firefox.mjs";
import { serve } from "./server.mjs";

export const CHROME_ARGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
];

/** The browser the suites run in: the machine's current Chromium, or with `XXGK_BROWSER=chromium86`
 * the oldest engine the widget supports. */
export const OLDEST = process.env.XXGK_BROWSER === "chromium86";

/** With `XXGK_BROWSER=firefox`, Debian's Firefox ESR, driven over WebDriver BiDi. */
export const FIREFOX = process.env.XXGK_BROWSER === "firefox";
/** The machine's current Chromium: where what is measured only in it (the editors' saved HTML) is. */
export const CURRENT_CHROMIUM = !OLDEST && !FIREFOX;

export async function launch(extraArgs = [], { ignoreDefaultArgs } = {}) {
  if (OLDEST) return launch86(extraArgs);
  if (FIREFOX) return launchFirefox();
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: [...CHROME_ARGS, ...extraArgs],
    ignoreDefaultArgs,
  });
}

/** What a portal's tab does on tests/e2e/pages/jquery-block.html: puts the widget's 自定义 HTML block
 * in anew with jQuery, which runs the block's loader again. */
export async function reloadBlock(page) {
  await page.evaluate(() => new Promise((done) => window.jQuery("#block").load("/cms/block.html", () => done())));
}

/** The static server and Chromium for one test file: started before its tests, stopped after. */
export function startSession() {
  const session = {
    get base() {
      return this.server.base;
    },
  };
  before(async () => {
    session.server = await serve();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Does `click` (a function that clicks in `where`, a page or a frame) and resolves to the file the
 * page then offers — its name, text and bytes — read from the link it clicks rather than from the
 * browser's download, which Chromium 86's DevTools protocol does not report. */
export async function offeredFile(where, click) {
  await where.evaluate(() => {
    window.xxOffered = new Promise((resolve) => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        HTMLAnchorElement.prototype.click = click;
        fetch(this.href).then((r) => r.arrayBuffer())
          .then((buffer) => resolve({ name: this.download, bytes: Array.from(new Uint8Array(buffer)) }));
      };
    });
  });
  await click();
  const offered = await where.evaluate(() => window.xxOffered);
  const bytes = Buffer.from(offered.bytes);
  return { name: offered.name, text: bytes.toString("utf8"), bytes };
}

export class Widget {
  constructor(page) {
    this.page = page;
  }

  /** Opens a page and waits until the widget has drawn all of it. With `clock`, the context's time is
   * Playwright's (it flows on its own, and a test moves it on instead of waiting). */
  static async open(browser, url, { context: options = {}, init, clock = false } = {}) {
    const context = await browser.newContext(options);
    if (clock) await context.clock.install();
    const page = await context.newPage();
    if (init) await page.addInitScript(init);
    return Widget.load(page, url);
  }

  static async load(page, url) {
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url);
    const widget = new Widget(page);
    widget.errors = errors;
    await widget.cell("meta.agency").waitFor();
    await page.locator('[data-testid="preview"]').waitFor();
    return widget;
  }

  /** The same page opened in another tab of the same browser (the drafts are shared). */
  async anotherTab() {
    const other = await Widget.load(await this.page.context().newPage(), this.page.url());
    return Object.setPrototypeOf(other, Object.getPrototypeOf(this));
  }

  cell(key) {
    return this.page.locator(`[data-key="${key}"]`);
  }
  async type(key, text) {
    await this.cell(key).fill(text);
  }
  async value(key) {
    const cell = this.cell(key);
    return (await cell.evaluate((e) => e.tagName)) === "OUTPUT" ? cell.textContent() : cell.inputValue();
  }
  /** The messages of a rule shown in the form (under tables and fields). */
  messages(rule) {
    return this.page.locator(`.xx-messages [data-rule="${rule}"]`);
  }
  /** The entries of a rule in the findings panel. */
  findings(rule) {
    return this.page.locator(`.xx-panel [data-rule="${rule}"]`);
  }
  async errorCount() {
    return Number((await this.page.getByTestId("error-count").textContent()).replace(/\D/g, ""));
  }
  balance(column) {
    return this.page.locator(`[data-testid="balance"] [data-column="${column}"]`);
  }
  action(name) {
    return this.page.locator(`[data-action="${name}"]`);
  }
  /** The data-key of the element focused inside the widget's shadow root. */
  async focusedKey() {
    return this.page.evaluate(() => document.getElementById("xxgk-nianbao").shadowRoot.activeElement?.dataset.key);
  }
  /** The data-action of the element focused inside the widget's shadow root. */
  async focusedAction() {
    return this.page.evaluate(() => document.getElementById("xxgk-nianbao").shadowRoot.activeElement?.dataset.action);
  }
  /** Waits until the field `key` shows `text`, set by something other than the test's typing (a
   * worker's reading, another tab, an answer). */
  async shows(key, text) {
    await this.page.waitForFunction(([key, text]) => document.getElementById("xxgk-nianbao")?.shadowRoot
      ?.querySelector(`[data-key="${key}"]`)?.value === text, [key, text]);
  }
  /** Loads the example, answering yes when the widget asks (over work, it opens in a new draft). */
  async loadExample() {
    const agency = "咸宁市政务服务和大数据管理局";
    await this.action("load-example").click();
    const loaded = (expected) => {
      const shadow = document.getElementById("xxgk-nianbao").shadowRoot;
      return shadow.querySelector('[data-action="confirm-import"]') !== null
        || shadow.querySelector('[data-key="meta.agency"]').value === expected;
    };
    await this.page.waitForFunction(loaded, agency);
    if (await this.action("confirm-import").count()) await this.action("confirm-import").click();
    await this.page.waitForFunction((expected) =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-key="meta.agency"]').value === expected, agency);
  }
  /** Clicks an action that offers a file; resolves to the file's name and text. Chromium 86's
   * DevTools protocol and Firefox's WebDriver BiDi do not report downloads to the driver, so there
   * the link the widget clicks is read instead. */
  async download(action) {
    if (CURRENT_CHROMIUM) {
      const [download] = await Promise.all([this.page.waitForEvent("download"), this.action(action).click()]);
      const chunks = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      return { name: download.suggestedFilename(), text: bytes.toString("utf8"), bytes };
    }
    return offeredFile(this.page, () => this.action(action).click());
  }
  /** Opens a file through a file button ("open-file", "last-year-file" …) and waits until
   * the field `filled` shows a value. */
  async openFile(action, file, filled = "meta.agency") {
    await this.action(action).setInputFiles(file);
    await this.page.waitForFunction((key) =>
      document.getElementById("xxgk-nianbao").shadowRoot.querySelector(`[data-key="${key}"]`).value !== "", filled);
  }
  /** The HTML source under the preview, once the preview shows the report as it is now. */
  async source() {
    // The preview is drawn once the clerk scrolls near it.
    await this.page.getByTestId("preview").scrollIntoViewIfNeeded();
    await this.page.locator('[data-testid="preview"][data-state="current"]').waitFor();
    return this.page.getByTestId("source").inputValue();
  }
}

/** What the drafts and files tests need on top of the widget. */
export class Drafts extends Widget {
  static async open(browser, url, options) {
    const w = await Widget.open(browser, url, options);
    return Object.setPrototypeOf(w, Drafts.prototype);
  }
  /** Waits until the autosave hint says the current state was saved. */
  async saved() {
    const status = this.page.getByTestId("save-status");
    await this.page.waitForFunction(() => {
      const s = document.getElementById("xxgk-nianbao").shadowRoot.querySelector('[data-testid="save-status"]');
      return s.dataset.state === "saved";
    });
    return status.textContent();
  }
  /** Names the draft (agency and year) and waits until it is saved. */
  async name(agency, year) {
    await this.type("meta.agency", agency);
    await this.type("meta.year", year);
    return this.saved();
  }
  /** Starts a new blank draft from the draft list. */
  async newDraft() {
    if (await this.action("new-draft").count() === 0) await this.action("drafts").click();
    await this.action("new-draft").click();
  }
  /** Opens a file through one of the file buttons ("open-file", "last-year-file" …): a report
   * file's text, or any file's bytes with its type. */
  async pick(action, name, content, mimeType = "application/json") {
    const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
    await this.action(action).setInputFiles({ name, mimeType, buffer });
  }
  notice() {
    return this.page.getByTestId("file-notice");
  }
}
