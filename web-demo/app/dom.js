// DOM building without HTML strings: every text that may come from a user, a file or the
// engine goes in through textContent, so markup in a measure is shown, never parsed.

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    else if (key === "text") el.textContent = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "value" && "value" in el) el.value = value;
    else if (key === "checked" || key === "selected") el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An HTML element: h("p", { class: "hint" }, "text", h("code", {}, "x")). */
export function h(tag, attrs, ...children) {
  return append(apply(document.createElement(tag), attrs), children);
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let counter = 0;
/** A document-unique id with a readable prefix. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Text only for screen readers, next to a visible text that needs context. */
export function hidden(text) {
  return h("span", { class: "visually-hidden" }, text);
}

/**
 * A status region for screen readers that speaks once changes pause, beside a visible text
 * that changes at once: the form is checked on every keystroke, and a region that changed as
 * often had a screen reader read out each count. Its first text is not spoken (the page's own
 * state on load), and a text is spoken only when it differs from the last one.
 */
export function quietStatus(delay = 1000) {
  const region = hidden("");
  region.setAttribute("role", "status");
  let timer;
  let said;
  return {
    region,
    say(text) {
      clearTimeout(timer);
      if (said === undefined) said = text;
      else timer = setTimeout(() => text !== said && (region.textContent = said = text), delay);
    },
  };
}

/**
 * Findings a list shows at most: a pasted document can have 150,000, and rendering them all took
 * Chromium 20 seconds on every keystroke. The counts always include all of them.
 */
export const LISTED = 200;

/**
 * The element (`tag`: an item of the list, or a paragraph after it) that says how many of
 * `total` things past the first `shown` a list leaves out, in `say(count)`'s words; or null.
 */
export function more(tag, total, shown, say) {
  return total > shown ? h(tag, { class: tag === "li" ? "list-more" : "hint list-more" }, say(total - shown)) : null;
}
