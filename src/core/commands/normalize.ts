import { FLAG_NAMES as FLAGS } from "./flags.js";

/**
 * Typed text as people meant it. Phones and Macs "improve" what people type: `--` becomes an
 * em dash, quotes curl, a copied line brings non-breaking spaces, zero-width joiners and a
 * byte-order mark along. Every typed command goes through `normalizeTyped` before it is read,
 * so `request ml — how to start` means what `request ml -- how to start` means.
 *
 * The function is idempotent (normalizing twice changes nothing) and never throws.
 */

/** Invisible characters that carry no letters: zero-width space, word joiner, BOM, bidi marks and embeddings. */
const INVISIBLE = /[\u200B\u2060\uFEFF\u180E\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/**
 * Zero-width joiners (ZWJ, ZWNJ) at a word's edge are noise; inside a word they shape the
 * script (Persian, Hindi) or glue an emoji (👩‍💻), so they stay there.
 */
const EDGE_JOINER = /(?<=^|\s)[\u200C\u200D]+|[\u200C\u200D]+(?=\s|$)/gu;
/** Spaces that look like a space: no-break, thin, ideographic, line and paragraph separators… */
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
/** Em dash, en dash, horizontal bar: what `--` and `-` turn into on the way. */
const DASH = "[\\u2013\\u2014\\u2015]";
/** `Mon–Fri`, `9–17`: a dash between letters or digits with no space is a hyphen. */
const JOINING_DASH = new RegExp(`(?<=[\\p{L}\\p{N}])${DASH}(?=[\\p{L}\\p{N}])`, "gu");
/** A dash standing alone (` — `) or starting a word (`—cap`): a `--` separator or flag, as typed on a phone. */
const LOOSE_DASH = new RegExp(`(?<=^|\\s)${DASH}+(?=\\s|$|(\\p{L}+))`, "gu");
/** Flag names any typed command takes (`—cap` is `--cap`); other commands' flags are refused later by name. */
const FLAG_NAMES = new Set([...FLAGS, "admin"]);
/** The minus sign reads as a hyphen (`+2w` and `-` ranges are typed with it by some keyboards). */
const MINUS = /\u2212/g;

/** `text` with dashes, quotes, spaces and invisible characters read the way the person meant them. */
export function normalizeTyped(text: string): string {
  return normalizeField(text).replace(LOOSE_DASH, looseDash());
}

/**
 * How a loose dash reads. Before a flag's name it is the flag's `--`. Otherwise only the first
 * one, before any flag, is the `--` that separates topics from what you want to learn
 * (`request ml — how to start`, and `ml —how` too); later ones are ordinary dashes inside free
 * text (`--bio Data lead — fintech`), so they stay as typed.
 */
function looseDash(): (dash: string, word: string | undefined, at: number, text: string) => string {
  let separatorPlace = true;
  return (dash, word, at, text) => {
    if (word !== undefined && FLAG_NAMES.has(word.toLowerCase())) {
      separatorPlace = false;
      return "--";
    }
    // A `--` typed as such earlier on the line took the separator's place (this keeps the step idempotent).
    if (!separatorPlace || /(?:^|\s)--/.test(text.slice(0, at))) return dash;
    separatorPlace = false;
    return word === undefined ? "--" : "-- ";
  };
}

/**
 * Field text from a form or a slash-command option, where no `--` separator exists: the same
 * cleanup of spaces, quotes and invisible characters, but dashes between words stay as typed
 * (a bio may well say "Data lead — fintech"); `Mon–Fri 9–17` still reads as `Mon-Fri 9-17`.
 */
export function normalizeField(text: string): string {
  return text
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(ODD_SPACE, " ")
    .replace(EDGE_JOINER, "")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(MINUS, "-")
    .replace(JOINING_DASH, "-");
}
