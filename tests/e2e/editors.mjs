// The portal's article editors, driven as a clerk drives them: the widget's copy button, Control+V
// (or the editor's HTML source mode), the editor's saved HTML shown as a published page, and what
// survived measured there — the tables' slots, the texts, the width and the lines a reader sees.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { UEDITOR } from "./server.mjs";

/** The editors, by the name the widget's chooser and the tests use. */
export const EDITORS = ["ueditor", "tinymce", "ckeditor4", "kindeditor", "wangeditor4", "wangeditor5", "ckeditor5"];

/** UEditor comes as a source tree (not on npm): unpacked once beside the other test tools. */
function unpackUeditor() {
  if (existsSync(`${UEDITOR}/ueditor.config.js`)) return;
  mkdirSync(UEDITOR, { recursive: true });
  const archive = fileURLToPath(new URL("../fixtures/editors/ueditor-1.4.3-src.tar.gz", import.meta.url));
  execFileSync("tar", ["xzf", archive, "-C", UEDITOR]);
}

/** The article style sheet of the demo host page: the kind that zeroes cell borders. */
export const ARTICLE_CSS = readFileSync(new URL("../../index.html", import.meta.url), "utf8").match(
  /<style>([\s\S]*?)<\/style>/,
)[1];

/** The reset most portal style sheets start from: it collapses every table, so lines drawn by a
 * background through the cell spacing vanish. */
export const RESET_CSS = "table { border-collapse: collapse; border-spacing: 0; }";

/** The one rule a webmaster adds to the article template (README, "网站管理员"), with the demo
 * page's article body class `.TRS_Editor` where their template has its own. */
export function webmasterRule() {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  return readme.match(/<!-- webmaster-rule -->\s*```css\n\s*(.*)\n\s*```/)[1];
}

/** Opens `editor` in a new page of `context`, ready for typing. */
export async function openEditor(context, base, editor) {
  if (editor === "ueditor") unpackUeditor();
  const page = await context.newPage();
  const url = editor === "ueditor" ? `${base}/ueditor/_examples/xxgk.html` : `${base}/editors/editor.html?editor=${editor}`;
  await page.goto(url);
  await page.waitForFunction(() => window.editor?.ready);
  await page.evaluate(() => window.editor.ready);
  return page;
}

/** What the editor saves after the clerk pastes the clipboard into it with Control+V. */
export async function pasteInto(page) {
  await page.evaluate(() => window.editor.focus());
  await page.keyboard.press("Control+V");
  // Editors filter a paste asynchronously (TinyMCE, CKEditor 4 and 5 in a later task).
  let saved = "";
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => window.editor.html());
    if (now.includes("<table") && now === saved) break;
    saved = now;
  }
  return saved;
}

/** What the editor saves after the clerk puts `html` in through its HTML source mode. */
export async function sourceInto(page, html) {
  await page.evaluate((html) => window.editor.source(html), html);
  await page.waitForFunction(() => window.editor.html().includes("<table"));
  return page.evaluate(() => window.editor.html());
}

/** A published article page holding `html`, with or without the portal's article style sheet. */
export async function publishedPage(context, html, { articleCss, extraCss = "" }) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 800 });
  const style = (articleCss ? `<style>${ARTICLE_CSS}</style>` : "") + (extraCss ? `<style>${extraCss}</style>` : "");
  await page.setContent(
    `<!DOCTYPE html><html><head><meta charset="utf-8">${style}</head>` +
      `<body><div class="article" style="width:900px"><div class="TRS_Editor">${html}</div></div></body></html>`,
  );
  return page;
}

/** Measures the tables and texts of a published page: each table's slots (spans expanded), its
 * width as a share of the article column, and how many cell edges show a line on screen. */
export async function measure(page) {
  // The whole page in the viewport: Chromium 86's headless mode draws nothing outside it.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1000, height: Math.ceil(height) });
  const tables = await page.evaluate(() => {
    const clean = (text) => text.replace(/\s+/g, "");
    return [...document.querySelectorAll("table")].map((table) => {
      const grid = [];
      [...table.rows].forEach((row, r) => {
        grid[r] ??= [];
        let c = 0;
        for (const cell of row.cells) {
          while (grid[r][c] !== undefined) c++;
          for (let dr = 0; dr < cell.rowSpan; dr++) {
            for (let dc = 0; dc < cell.colSpan; dc++) {
              (grid[r + dr] ??= [])[c + dc] = clean(cell.textContent);
            }
          }
          c += cell.colSpan;
        }
      });
      const box = table.getBoundingClientRect();
      const column = document.querySelector(".article").getBoundingClientRect();
      const cells = [...table.querySelectorAll("th,td")].map((cell) => {
        const r = cell.getBoundingClientRect();
        return { x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height };
      });
      return { grid, width: box.width / column.width, box: { x: box.left, y: box.top, width: box.width, height: box.height }, cells };
    });
  });
  for (const table of tables) {
    table.lines = await lines(page, table);
    delete table.cells;
  }
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll("h1,h2,h3,h4,p")].map((e) => e.textContent.replace(/\s+/g, "")).filter(Boolean),
  );
  return { tables, texts };
}

/** The share of cell edges along which the screen shows a line (a dark pixel within 3 px of the
 * edge at each of five points along it). The shot takes in 3 px around the table: a collapsed
 * outer border is drawn half outside the table's box, and Firefox places a table at fractions
 * of a pixel. */
async function lines(page, table) {
  if (table.box.width === 0 || table.box.height === 0) return 0;
  const margin = 3;
  const { x, y, width, height } = table.box;
  const png = await page.screenshot({ clip: { x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin } });
  return page.evaluate(
    async ({ png, cells, margin }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [image.width, image.height];
      const g = canvas.getContext("2d");
      g.drawImage(image, 0, 0);
      const { data, width, height } = g.getImageData(0, 0, image.width, image.height);
      const dark = (x, y) => {
        x = Math.round(x);
        y = Math.round(y);
        if (x < 0 || y < 0 || x >= width || y >= height) return false;
        const i = (y * width + x) * 4;
        return data[i] * 0.3 + data[i + 1] * 0.59 + data[i + 2] * 0.11 < 170;
      };
      const near = (x, y, dx, dy) => [-3, -2, -1, 0, 1, 2, 3].some((d) => dark(x + d * dx, y + d * dy));
      let shown = 0;
      let all = 0;
      for (const cell of cells) {
        const [x, y, w, h] = [cell.x + margin, cell.y + margin, cell.w, cell.h];
        const at = [0.1, 0.3, 0.5, 0.7, 0.9];
        const edges = [
          at.map((t) => near(x, y + t * h, 1, 0)),
          at.map((t) => near(x + w, y + t * h, 1, 0)),
          at.map((t) => near(x + t * w, y, 0, 1)),
          at.map((t) => near(x + t * w, y + h, 0, 1)),
        ];
        for (const edge of edges) {
          all++;
          if (edge.every(Boolean)) shown++;
        }
      }
      return all ? shown / all : 0;
    },
    { png: png.toString("base64"), cells: table.cells, margin },
  );
}

/** How `published` differs from `fragment`: slots that differ per table, texts missing, the
 * narrowest table's width and the smallest share of drawn cell edges. */
export function compare(fragment, published) {
  const slots = fragment.tables.map((table, t) => {
    const other = published.tables[t]?.grid ?? [];
    let differ = 0;
    table.grid.forEach((row, r) => row.forEach((text, c) => (differ += other[r]?.[c] === text ? 0 : 1)));
    return differ;
  });
  const have = published.texts.join("\n");
  const missing = fragment.texts.filter((text) => !have.includes(text));
  return {
    tables: published.tables.length,
    slots,
    missing,
    width: Math.min(...published.tables.map((t) => t.width)),
    lines: Math.min(...published.tables.map((t) => t.lines)),
  };
}
