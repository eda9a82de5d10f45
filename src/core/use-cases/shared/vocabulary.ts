import type { StoreTx } from "../../ports/index.js";

/**
 * The tags a community already uses (volunteer expertise and requested topics), so typed
 * text like "data science" is read as the one tag people mean.
 */
export async function vocabulary(tx: StoreTx, communityId: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const v of await tx.listVolunteers(communityId)) for (const t of v.expertise) out.add(t);
  for (const r of await tx.listRequests(communityId)) for (const t of r.tags) out.add(t);
  return out;
}
