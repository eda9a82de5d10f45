import type { Member, Nudge } from "../../domain/index.js";
import type { Delivery } from "../../ports/index.js";

/**
 * Several notices due at once for one person arrive as one message. Groups a claimed batch:
 * nudges to the same single member of the same community, with the same attempt count, form
 * one group, in the order first claimed; pair nudges (the shared conversation) stay alone.
 * Keying on the attempt count keeps a retried group the same group: a group that failed or was
 * left leased by a crash comes back together, with every member's count raised alike, so its
 * delivery key — and the platform's duplicate check — stay the same.
 */
export function groupForDelivery(claimed: readonly Nudge[]): Nudge[][] {
  const groups: Nudge[][] = [];
  const open = new Map<string, Nudge[]>();
  for (const n of claimed) {
    const [only] = n.to;
    if (n.to.length !== 1 || only === undefined) {
      groups.push([n]);
      continue;
    }
    const key = `${n.communityId}\u0000${only}\u0000${n.attempts}`;
    const group = open.get(key);
    if (group) group.push(n);
    else {
      const fresh = [n];
      open.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/**
 * The one delivery for a group of nudges to `to`: the first nudge's notice, the rest in
 * `also`. A lone nudge keeps its own key; a group's key names every member, so it is stable
 * across retries of the same group and never equals a lone nudge's key.
 */
export function deliveryOf(group: readonly Nudge[], to: readonly Member[]): Delivery {
  const [lead, ...rest] = group;
  if (!lead) throw new Error("a delivery needs at least one nudge");
  return {
    key: `${lead.communityId}/${group.map((n) => n.key).join("&")}`,
    attempt: lead.attempts + 1,
    communityId: lead.communityId,
    to,
    notice: lead.notice,
    ...(rest.length > 0 ? { also: rest.map((n) => n.notice) } : {}),
  };
}

/** The delivery key each notice of a delivery would have had alone, in the order of its parts. */
export function partKeys(d: Pick<Delivery, "key" | "communityId" | "also">): string[] {
  if (!d.also || d.also.length === 0) return [d.key];
  return d.key
    .slice(d.communityId.length + 1)
    .split("&")
    .map((k) => `${d.communityId}/${k}`);
}
