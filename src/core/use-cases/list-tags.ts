import type { RequestStatus } from "../domain/index.js";
import { ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";

/** A topic someone can ask about now: how many volunteers offer it and how many asks wait on it. */
export interface OfferedTopic {
  tag: string;
  /** Active volunteers offering it who are here and not opted out. */
  volunteers: number;
  /** Requests on it still waiting for a chat (open, offered, waitlisted). */
  waiting: number;
}

export interface TopicsValue {
  /** Most volunteers first, then most waiting, then by name. */
  topics: OfferedTopic[];
}

/** A request still looking for its chat. */
const WAITING: readonly RequestStatus[] = ["open", "offered", "waitlisted"];

/**
 * The community's topics that have volunteers, for any member to browse before asking. Counts
 * people, not profiles: a volunteer who stopped, left or opted out is not counted.
 */
export async function listTopics(deps: Deps, cmd: { actor: Actor }): Promise<Result<TopicsValue, never>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community } = await loadActor(tx, cmd.actor, now);
    const offered = await tx.listOfferedTags(community.id, "");
    if (offered.length === 0) return ok({ topics: [] });
    const profiles = await tx.listVolunteersWithTags(community.id, offered);
    const here = new Set(
      (
        await tx.getMembers(
          community.id,
          profiles.map((p) => p.memberId),
        )
      )
        .filter((m) => !m.forgotten && m.status !== "opted_out")
        .map((m) => m.id),
    );
    const byTag = new Map<string, OfferedTopic>(offered.map((tag) => [tag, { tag, volunteers: 0, waiting: 0 }]));
    for (const p of profiles) {
      if (!p.active || !here.has(p.memberId)) continue;
      for (const t of new Set(p.expertise)) {
        const row = byTag.get(t);
        if (row) row.volunteers++;
      }
    }
    for (const r of await tx.listRequests(community.id, { status: WAITING }))
      for (const t of new Set(r.tags)) {
        const row = byTag.get(t);
        if (row) row.waiting++;
      }
    const topics = [...byTag.values()]
      .filter((t) => t.volunteers > 0)
      .sort((a, b) => b.volunteers - a.volunteers || b.waiting - a.waiting || a.tag.localeCompare(b.tag));
    return ok({ topics });
  });
}
