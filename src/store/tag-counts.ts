import type { TagCounts, TagUse } from "../core/ports/index.js";

/** Which count a tagged record adds to. */
export type TagKind = keyof TagUse;

/**
 * Tag counts from every record of a community (the in-memory store's way, and the meaning the
 * Prisma store keeps incrementally): each record counts once per distinct tag it carries, and
 * profiles carrying any tag make up the population.
 */
export function countTags(
  volunteers: readonly (readonly string[])[],
  seekers: readonly (readonly string[])[],
  requests: readonly (readonly string[])[],
  only?: readonly string[],
): TagCounts {
  const wanted = only === undefined ? null : new Set(only);
  const tags = new Map<string, TagUse>();
  let profiles = 0;
  const add = (kind: TagKind, list: readonly (readonly string[])[]): void => {
    for (const record of list) {
      if (kind !== "requests" && record.length > 0) profiles++;
      for (const t of new Set(record)) {
        if (wanted !== null && !wanted.has(t)) continue;
        const use = tags.get(t) ?? { volunteers: 0, seekers: 0, requests: 0 };
        use[kind]++;
        tags.set(t, use);
      }
    }
  };
  add("volunteers", volunteers);
  add("seekers", seekers);
  add("requests", requests);
  return { profiles, tags };
}

/** The key under which a store keeps the population (no real tag is empty). */
export const POPULATION_TAG = "";

/**
 * How one record's change from `before` to `after` tags (null: absent) moves the counts:
 * +1/−1 per tag gained or lost, and the population key when it starts or stops carrying any.
 */
export function tagDelta(before: readonly string[] | null, after: readonly string[] | null, withPopulation: boolean): Map<string, number> {
  const was = new Set(before ?? []);
  const now = new Set(after ?? []);
  const delta = new Map<string, number>();
  for (const t of now) if (!was.has(t)) delta.set(t, 1);
  for (const t of was) if (!now.has(t)) delta.set(t, -1);
  if (withPopulation && was.size > 0 !== now.size > 0) delta.set(POPULATION_TAG, now.size > 0 ? 1 : -1);
  return delta;
}
