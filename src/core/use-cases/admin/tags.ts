import { normalizeTag, slugify } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import type { Actor, Deps } from "../shared/context.js";
import { vocabulary } from "../shared/vocabulary.js";
import { asAdmin } from "./guard.js";

export type TagOp = "alias" | "rename" | "merge";

export interface AdminTagsValue {
  op: TagOp;
  from: string;
  to: string;
  /** Seeker and volunteer profiles whose tags changed. */
  profiles: number;
  /** Requests whose tags changed. */
  requests: number;
}

const swap = (tags: readonly string[], from: string, to: string): string[] => {
  const out: string[] = [];
  for (const t of tags) {
    const next = t === from ? to : t;
    if (!out.includes(next)) out.push(next);
  }
  return out;
};

/**
 * Edits the tag vocabulary. All three make `from` an alias of `to` (typed later, it reads as
 * `to`) and move every existing profile and request from `from` to `to`, so people follow:
 * - `alias`: no condition (the usual way to add `k8s` → `kubernetes`);
 * - `rename`: `from` must be in use and `to` must not (else it is a merge);
 * - `merge`: both must be in use.
 * Aliases that pointed at `from` now point at `to`.
 */
export async function adminTags(
  deps: Deps,
  cmd: { actor: Actor; op: TagOp; from: string; to: string },
): Promise<Result<AdminTagsValue, "NOT_ADMIN" | "BAD_TAG" | "SAME_TAG" | "UNKNOWN_TAG" | "TAG_EXISTS">> {
  return asAdmin(deps, cmd.actor, "tags", async (tx, community) => {
    const aliases = community.settings.tagAliases;
    const from = slugify(cmd.from);
    const to = normalizeTag(cmd.to, aliases);
    if (from === "" || to === "") return fail("BAD_TAG", { given: from === "" ? cmd.from : cmd.to });
    if (from === to) return fail("SAME_TAG", { tag: to });
    // In use: volunteer expertise, requested topics, and seekers' interests.
    const used = await vocabulary(tx, community.id);
    const seekers = await tx.listSeekers(community.id);
    for (const s of seekers) for (const t of s.interests) used.add(t);
    if (cmd.op !== "alias" && !used.has(from)) return fail("UNKNOWN_TAG", { tag: from });
    if (cmd.op === "rename" && used.has(to)) return fail("TAG_EXISTS", { tag: to });
    if (cmd.op === "merge" && !used.has(to)) return fail("UNKNOWN_TAG", { tag: to });

    const nextAliases: Record<string, string> = {};
    for (const [k, v] of Object.entries(aliases)) if (k !== to) nextAliases[k] = v === from ? to : v;
    nextAliases[from] = to;
    await tx.saveCommunity({ ...community, settings: { ...community.settings, tagAliases: nextAliases } });

    const now = deps.clock.now();
    let profiles = 0;
    for (const v of await tx.listVolunteers(community.id)) {
      if (!v.expertise.includes(from)) continue;
      await tx.saveVolunteer({ ...v, expertise: swap(v.expertise, from, to), updatedAt: now });
      profiles++;
    }
    for (const s of seekers) {
      if (!s.interests.includes(from)) continue;
      await tx.saveSeeker({ ...s, interests: swap(s.interests, from, to), updatedAt: now });
      profiles++;
    }
    let requests = 0;
    for (const r of await tx.listRequests(community.id)) {
      if (!r.tags.includes(from)) continue;
      await tx.saveRequest({ ...r, tags: swap(r.tags, from, to) });
      requests++;
    }
    return ok({ op: cmd.op, from, to, profiles, requests });
  });
}
