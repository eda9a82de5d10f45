import { z } from "zod";

/** A normalized tag slug: lowercase ascii words joined by single dashes. */
export const TagSchema = z.string().regex(/^[a-z0-9]+(?:[-+#.][a-z0-9+#]*)*$/).max(40);
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

/** Normalizes one tag and resolves aliases (community aliases win over the defaults). */
export function normalizeTag(raw: string, aliases: Readonly<Record<string, string>> = {}): Tag | "" {
  const slug = slugify(raw);
  if (slug === "") return "";
  const target = aliases[slug] ?? DEFAULT_ALIASES[slug];
  return target === undefined ? slug : slugify(target);
}

/**
 * Parses a comma- or space-separated tag list into unique normalized tags, in input order.
 * Commas separate multi-word tags ("machine learning, ux"); without commas, spaces do.
 */
export function parseTags(input: string | readonly string[], aliases: Readonly<Record<string, string>> = {}): Tag[] {
  const parts = typeof input === "string" ? (input.includes(",") ? input.split(",") : input.split(/\s+/)) : input;
  const out: Tag[] = [];
  for (const p of parts) {
    const t = normalizeTag(p, aliases);
    if (t !== "" && !out.includes(t)) out.push(t);
  }
  return out;
}
