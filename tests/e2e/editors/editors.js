// The npm editors a portal's article page embeds, each behind one interface (see editor.html).
const EDITORS = {
  tinymce: {
    target: "textarea",
    scripts: ["/node_modules/tinymce/tinymce.min.js"],
    start: async () => {
      const [ed] = await tinymce.init({
        selector: "#area", plugins: "paste table code lists", toolbar: "code table", menubar: false,
        height: 400, width: 900,
      });
      return {
        focus: () => ed.focus(),
        html: () => ed.getContent(),
        source: (html) => ed.setContent(html), // what the 源代码 dialog's OK does
      };
    },
  },
  ckeditor4: {
    target: "textarea",
    scripts: ["/node_modules/ckeditor4/ckeditor.js"],
    start: () => new Promise((done) => {
      const ed = CKEDITOR.replace("area", { versionCheck: false, width: 900 });
      ed.on("instanceReady", () => done({
        focus: () => ed.focus(),
        html: () => ed.getData(),
        // 源码: switch to the source view, replace its text, switch back.
        source: (html) => new Promise((next) => {
          ed.setMode("source", () => {
            ed.setData(html, () => ed.setMode("wysiwyg", next));
          });
        }),
      }));
    }),
  },
  kindeditor: {
    target: "textarea",
    scripts: ["/node_modules/kindeditor/kindeditor-all-min.js", "/node_modules/kindeditor/lang/zh-CN.js"],
    start: () => new Promise((done) => {
      KindEditor.ready((K) => {
        const ed = K.create("#area", { width: "900px", height: "400px", afterCreate() { done(wrap(this)); } });
        function wrap(e) {
          return { focus: () => e.focus(), html: () => e.html(), source: (html) => e.html(html) };
        }
      });
    }),
  },
  wangeditor4: {
    scripts: ["/node_modules/wangeditor/dist/wangEditor.min.js"],
    start: async () => {
      const ed = new window.wangEditor("#area");
      ed.create();
      return {
        focus: () => document.querySelector("#area [contenteditable]").focus(),
        html: () => ed.txt.html(),
        source: (html) => ed.txt.html(html),
      };
    },
  },
  wangeditor5: {
    scripts: ["/node_modules/@wangeditor/editor/dist/index.js"],
    styles: ["/node_modules/@wangeditor/editor/dist/css/style.css"],
    start: async () => {
      const ed = window.wangEditor.createEditor({ selector: "#area", html: "<p><br></p>", mode: "default" });
      return {
        focus: () => ed.focus(),
        html: () => ed.getHtml(),
        source: (html) => ed.setHtml(html),
      };
    },
  },
  ckeditor5: {
    scripts: ["/node_modules/@ckeditor/ckeditor5-build-classic/build/ckeditor.js"],
    start: async () => {
      const ed = await ClassicEditor.create(document.querySelector("#area"), { licenseKey: "GPL" });
      return {
        focus: () => ed.editing.view.focus(),
        html: () => ed.getData(),
        source: (html) => ed.setData(html),
      };
    },
  },
};

function load(src) {
  return new Promise((done, fail) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = () => fail(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
}

function startEditor(name) {
  const spec = EDITORS[name];
  const area = document.createElement(spec.target ?? "div");
  area.id = "area";
  document.getElementById("host").append(area);
  for (const href of spec.styles ?? []) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.append(link);
  }
  window.editor = {
    ready: (async () => {
      for (const src of spec.scripts) await load(src);
      Object.assign(window.editor, await spec.start());
    })(),
  };
}
