// A build step (Trunk.toml's hook, release builds), not shipped: gives the names a module and its
// wasm-bindgen glue share short ones, in both files.
//
//   node src/short-names.mjs <module>_bg.wasm <module>.js
//
// wasm-bindgen names each function the module imports from its glue `__wbg_<method>_<16 hex
// digits>`, and the glue calls the module's exports by their Rust names. Each name is written
// twice, in the module and in the glue: in the widget, 245 names that took 8 KB of its
// gzip download. They become `b`, `c` … `ab` … in the order the module lists them (binaryen's
// minify-imports pass names them so too), which gzip packs best. Numbered names alone would let a
// glue and a module of different versions (one kept by the browser's cache after an update) link
// and call the wrong functions; so the first import is named by a hash of the whole list instead:
// a glue of another version does not give it, the module fails to link, and the loader asks the
// clerk to reload. The module's imports all come from the one module "a".

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
const IMPORTS = 2;
const EXPORTS = 7;
const FUNCTION = 0;

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);

function readUleb(at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function uleb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

function readName(at) {
  const [length, start] = readUleb(at);
  return [wasm.toString("utf8", start, start + length), start + length];
}

function encodedName(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([uleb(bytes.length), bytes]);
}

/** The module's sections, and the entries of its import and export sections: each entry's name
 * (and an import's module) and the bytes after them. wasm-bindgen's modules import only
 * functions, each followed by its type index. */
const sections = [];
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, start] = readUleb(at + 1);
  const section = { id, bytes: wasm.subarray(at, start + size) };
  if (id === IMPORTS || id === EXPORTS) {
    let [count, entry] = readUleb(start);
    section.entries = [];
    for (let i = 0; i < count; i++) {
      let module;
      if (id === IMPORTS) [module, entry] = readName(entry);
      const [name, kind] = readName(entry);
      if (id === IMPORTS && wasm[kind] !== FUNCTION) throw new Error(`${name} is not a function import`);
      const [, end] = readUleb(kind + 1);
      section.entries.push({ module, name, rest: wasm.subarray(kind, end) });
      entry = end;
    }
  }
  sections.push(section);
  at = start + size;
}

/** `a` is the module the imports come from; then `b`, `c` … `$`, `aa`, `ab` …. */
function numbered(index) {
  let name = "";
  for (let n = index + 1; ; n = Math.floor(n / LETTERS.length) - 1) {
    name = LETTERS[n % LETTERS.length] + name;
    if (n < LETTERS.length) return name;
  }
}

const listed = sections.flatMap((section) => section.entries ?? []);
const imports = sections.find((section) => section.id === IMPORTS)?.entries ?? [];
if (new Set(imports.map((entry) => entry.module)).size > 1) throw new Error(`${wasmPath} imports from several modules`);
const shortNames = new Map(listed.map((entry, index) => [entry.name, numbered(index)]));
if (shortNames.size !== listed.length) throw new Error("an import and an export share a name");
const version = createHash("sha256").update(listed.map((entry) => entry.name).join("\n")).digest("hex");
if (imports.length) shortNames.set(imports[0].name, `v${version.slice(0, 8)}`);

const rewritten = sections.map((section) => {
  if (!section.entries) return section.bytes;
  const entries = section.entries.map((entry) =>
    Buffer.concat([...(entry.module === undefined ? [] : [encodedName("a")]), encodedName(shortNames.get(entry.name)), entry.rest]));
  const body = Buffer.concat([uleb(entries.length), ...entries]);
  return Buffer.concat([Buffer.from([section.id]), uleb(body.length), body]);
});

// In the glue an import is a key of the import object and an export is read as `wasm.<name>`:
// both are whole identifiers. Every import must be found: the glue gives each one.
let glue = readFileSync(gluePath, "utf8");
const importNames = new Set(imports.map((entry) => entry.name));
const given = new Set();
glue = glue.replace(/(wasm[.])?[A-Za-z0-9_$]+/g, (token, exported) => {
  if (exported) {
    const name = token.slice(exported.length);
    return shortNames.has(name) && !importNames.has(name) ? exported + shortNames.get(name) : token;
  }
  if (!importNames.has(token)) return token;
  given.add(token);
  return shortNames.get(token);
});
const moduleKey = JSON.stringify(imports[0]?.module);
if (imports.some((entry) => !given.has(entry.name)) || (imports.length && !glue.includes(moduleKey))) {
  throw new Error(`${gluePath} is not the glue of ${wasmPath}`);
}
if (imports.length) glue = glue.split(moduleKey).join('"a"');

writeFileSync(wasmPath, Buffer.concat([wasm.subarray(0, 8), ...rewritten]));
writeFileSync(gluePath, glue);
