// JSON Pointer (RFC 6901) and the one-operation JSON Patch (RFC 6902) the engine offers as
// a finding's `fix`: enough to map findings to fields and to apply a fix to the measure.

/** "/steps/0/text/fi" → ["steps", "0", "text", "fi"]; "" → []. */
export function parse(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON Pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function format(tokens) {
  return tokens.map((t) => "/" + String(t).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

export function get(doc, pointer) {
  let node = doc;
  for (const token of parse(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return node;
}

function parentOf(doc, tokens, create) {
  let node = doc;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i];
    if (node[token] === null || typeof node[token] !== "object") {
      if (!create) return undefined;
      node[token] = /^\d+$/.test(tokens[i + 1]) ? [] : {};
    }
    node = node[token];
  }
  return node;
}

/** Sets a value, creating the objects on the way. */
export function set(doc, pointer, value) {
  const tokens = parse(pointer);
  const parent = parentOf(doc, tokens, true);
  parent[tokens[tokens.length - 1]] = value;
}

/**
 * Removes a value, then the objects on the way that it left empty, except those `keep`
 * names (a step's `text` is required even when empty), so clearing a form field leaves no
 * `"title": {}` behind. Array elements are never removed on the way up: an empty step stays.
 */
export function remove(doc, pointer, keep = () => false) {
  let tokens = parse(pointer);
  if (tokens.length === 0) return;
  const parent = parentOf(doc, tokens, false);
  if (!parent || typeof parent !== "object") return;
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  while (tokens.length > 1) {
    tokens = tokens.slice(0, -1);
    const here = get(doc, format(tokens));
    if (here === null || typeof here !== "object" || Array.isArray(here) || Object.keys(here).length > 0) return;
    if (keep(format(tokens))) return;
    const up = parentOf(doc, tokens, false);
    if (Array.isArray(up)) return;
    delete up[tokens[tokens.length - 1]];
  }
}

/** Applies one JSON Patch operation (add, replace or remove) to a copy of `doc`. */
export function applyOp(doc, op) {
  const copy = structuredClone(doc);
  if (op.path === "") return op.op === "remove" ? {} : structuredClone(op.value);
  const tokens = parse(op.path);
  const parent = parentOf(copy, tokens, op.op !== "remove");
  if (!parent) return copy;
  const key = tokens[tokens.length - 1];
  if (op.op === "remove") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (op.op === "add" && Array.isArray(parent)) {
    parent.splice(key === "-" ? parent.length : Number(key), 0, structuredClone(op.value));
  } else {
    parent[key] = structuredClone(op.value);
  }
  return copy;
}
