import { z } from "zod";

/** A normalized tag slug: lowercase ascii words joined by single dashes. */
export const TagSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-+#.][a-z0-9+#]*)*$/)
  .max(40);
export type Tag = z.infer<typeof TagSchema>;

/** Built-in aliases every community starts with; communities add their own. */
export const DEFAULT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  ml: "machine-learning",
  ai: "artificial-intelligence",
  js: "javascript",
  ts: "typescript",
  ux: "ux-design",
  ui: "ui-design",
  pm: "product-management",
  ds: "data-science",
  devops: "devops",
  sre: "site-reliability-engineering",
  qa: "quality-assurance",
  hr: "human-resources",
  vc: "venture-capital",
});

/**
 * Turns free text into a slug: `Machine Learning` → `machine-learning`, `C++` → `c++`,
 * `Node.js` → `node.js`. Returns "" when nothing usable is left.
 * Idempotent: slugify(slugify(x)) === slugify(x).
 */
export function slugify(raw: string): string {
  const folded = raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const kept = folded.replace(/[^a-z0-9+#.]+/g, "-");
  return kept
    .replace(/\.+(?=-|$)/g, "")
    .replace(/-+/g, "-")
    .replace(/^[-.+#]+|[-.]+$/g, "")
    .slice(0, 40)
    .replace(/[-.]+$/g, "");
}

/** The alias target for `slug`, from the table's own entries only: a tag named "constructor" is just a tag. */
const aliasOf = (table: Readonly<Record<string, string>>, slug: string): string | undefined =>
  Object.hasOwn(table, slug) ? table[slug] : undefined;

/** Normalizes one tag and resolves aliases (community aliases win over the defaults). */
export function normalizeTag(raw: string, aliases: Readonly<Record<string, string>> = {}): Tag | "" {
  const slug = slugify(raw);
  if (slug === "") return "";
  const target = aliasOf(aliases, slug) ?? aliasOf(DEFAULT_ALIASES, slug);
  return target === undefined ? slug : slugify(target);
}

/**
 * Splits comma-free text into tags using the community's vocabulary: the longest run of words
 * that names a known tag (or alias) becomes one tag — "data science python" with
 * `data-science` known gives ["data science", "python"]; unknown words stand alone.
 */
function splitWords(text: string, known: (slug: string) => boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let len = 1;
    for (let j = Math.min(words.length, i + 4); j > i + 1; j--) {
      if (known(slugify(words.slice(i, j).join(" ")))) {
        len = j - i;
        break;
      }
    }
    out.push(words.slice(i, i + len).join(" "));
    i += len;
  }
  return out;
}

/**
 * Parses a tag list into unique normalized tags, in input order. Commas separate tags
 * ("machine learning, ux"); without commas, words are grouped by the known `vocabulary`
 * (see splitWords), so "data science" is one tag where the community already uses it.
 */
export function parseTags(
  input: string | readonly string[],
  aliases: Readonly<Record<string, string>> = {},
  vocabulary: ReadonlySet<string> = new Set(),
): Tag[] {
  const known = (slug: string) =>
    vocabulary.has(slug) || aliasOf(aliases, slug) !== undefined || aliasOf(DEFAULT_ALIASES, slug) !== undefined;
  const parts = typeof input === "string" ? (input.includes(",") ? input.split(",") : splitWords(input, known)) : input;
  const out: Tag[] = [];
  for (const p of parts) {
    const t = normalizeTag(p, aliases);
    if (t !== "" && !out.includes(t)) out.push(t);
  }
  return out;
}
