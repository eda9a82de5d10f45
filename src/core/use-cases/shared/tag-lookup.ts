import { DEFAULT_ALIASES, normalizeTag, slugify } from "../../domain/index.js";

/**
 * The stored spellings that mean the same tags as `tags`: their canonical forms (normalized,
 * aliases resolved) plus every alias, community or built-in, that resolves to one of them.
 * Stored tags were normalized when saved, so looking these up finds every record the scoring
 * would count as sharing a tag, even one saved before an alias was added.
 */
export function tagSpellings(
  tags: readonly string[],
  aliases: Readonly<Record<string, string>>,
): { canonical: Set<string>; stored: string[] } {
  const canonical = new Set<string>();
  for (const t of tags) canonical.add(normalizeTag(t, aliases) || t);
  const stored = new Set<string>([...tags, ...canonical]);
  for (const key of new Set([...Object.keys(aliases), ...Object.keys(DEFAULT_ALIASES)])) {
    if (!canonical.has(normalizeTag(key, aliases))) continue;
    stored.add(key);
    const slug = slugify(key);
    if (slug !== "") stored.add(slug);
  }
  return { canonical, stored: [...stored] };
}
