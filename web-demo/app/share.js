// The page's whole state in the address: the URL fragment holds base64url of a small JSON
// object, so a link restores the view, language, date, measure and rule set, and nothing of
// it is sent to a server (a fragment never is).
import { LANGS } from "../i18n.js";

export const VIEWS = ["form", "json", "programme", "rules"];
const PREFIX = "#state=";
// Far above any real measure and rule set, but a bound on what a crafted link can make the
// page decode.
const MAX_LENGTH = 2_000_000;

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * Whether `text` is a day the engine takes as `asOf`: YYYY-MM-DD that exists, in the years
 * 1000 to 9999. A link's "2019-02-30", or a year typed as 0999, made every check throw.
 */
export function isDay(text) {
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text) || text < "1000") return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** The fragment for a state. */
export function encode({ view, lang, asOf, measure, ruleset }) {
  return PREFIX + toBase64Url(JSON.stringify({ v: 1, view, lang, asOf, measure, ruleset }));
}

/**
 * The state in a fragment, or null when there is none. Only the known keys with the right
 * types are taken: the link may come from anyone.
 */
export function decode(hash) {
  if (!hash.startsWith(PREFIX) || hash.length > MAX_LENGTH) return null;
  let data;
  try {
    data = JSON.parse(fromBase64Url(hash.slice(PREFIX.length)));
  } catch {
    return null;
  }
  if (data === null || typeof data !== "object" || data.v !== 1) return null;
  const state = {};
  if (VIEWS.includes(data.view)) state.view = data.view;
  if (LANGS.includes(data.lang)) state.lang = data.lang;
  if (isDay(data.asOf)) state.asOf = data.asOf;
  if (data.measure !== null && typeof data.measure === "object" && !Array.isArray(data.measure)) state.measure = data.measure;
  if (typeof data.ruleset === "string") state.ruleset = data.ruleset;
  return state;
}
