// The rule documentation is Markdown. This renders the part of Markdown it uses (paragraphs,
// lists, fenced code, inline code, emphasis) straight to DOM nodes: no HTML string is ever
// built, so nothing in a rule's text can become markup or script.
import { h } from "./dom.js";

const INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;

/** Inline Markdown to nodes: `code`, **strong**, *emphasis*; everything else is text. */
export function inline(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1]) out.push(h("code", {}, m[2].trim() === "" ? m[2] : m[2].replace(/^ (.*) $/s, "$1")));
    else if (m[3]) out.push(h("strong", {}, m[3]));
    else out.push(h("em", {}, m[4]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Block Markdown to a fragment of nodes. */
export function render(markdown) {
  const frag = document.createDocumentFragment();
  const lines = String(markdown ?? "").replace(/\r\n?/g, "\n").split("\n");
  let para = [];
  let list = null;
  const flushPara = () => {
    if (para.length) frag.append(h("p", {}, inline(para.join(" "))));
    para = [];
  };
  const flushList = () => {
    if (list) frag.append(list.el);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = line.match(/^\s*(`{3,})\s*([\w-]*)\s*$/);
    if (fence) {
      flushPara();
      flushList();
      const body = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith(fence[1]); i++) body.push(lines[i]);
      frag.append(h("pre", {}, h("code", { class: fence[2] ? `language-${fence[2]}` : undefined }, body.join("\n"))));
      continue;
    }
    if (line.trim() === "") {
      flushPara();
      flushList();
      continue;
    }
    const item = line.match(/^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/);
    if (item) {
      flushPara();
      const tag = item[1] ? "ul" : "ol";
      if (!list || list.tag !== tag) {
        flushList();
        list = { tag, el: h(tag), last: null };
      }
      list.last = h("li", {}, inline(item[3]));
      list.el.append(list.last);
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      list.last.append(" ", ...inline(line.trim()));
      continue;
    }
    flushList();
    para.push(line.trim());
  }
  flushPara();
  flushList();
  return frag;
}
