import type { StoreTx } from "../../ports/index.js";

/**
 * The tags a community already uses (volunteer expertise and requested topics), so typed
 * text like "data science" is read as the one tag people mean. Read from the counts the store
 * keeps per tag, not from every profile and request.
 */
export async function vocabulary(tx: StoreTx, communityId: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const [tag, use] of (await tx.tagCounts(communityId)).tags) if (use.volunteers > 0 || use.requests > 0) out.add(tag);
  return out;
}
