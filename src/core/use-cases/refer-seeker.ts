import type { ChatRequest } from "../domain/index.js";
import { rankCandidates } from "../matching/score.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { enqueue } from "./shared/notify.js";
import { pendingWith } from "./shared/offer.js";
import { askerFor, loadPool } from "./shared/pool.js";
import { ref } from "./shared/people.js";
import { recentDecline, shownReasons } from "./shared/referral.js";

export interface ReferSeeker {
  actor: Actor;
  /** The chat after which the volunteer makes the referral. */
  chatId: string;
  targetId: string;
}
export type ReferCode =
  | "NOT_FOUND"
  | "NOT_YOURS"
  | "NOT_HAPPENED"
  | "SAME_PERSON"
  | "NOT_A_VOLUNTEER"
  | "TARGET_UNAVAILABLE"
  | "DECLINED_RECENTLY";

/**
 * "Who else should they talk to?" The volunteer names another member; the seeker gets a new
 * request with that person as the suggestion and can send the intro in one step. Referring
 * the same person twice returns the same request. A member who declined this seeker inside
 * the repeat window is refused with that reason (`DECLINED_RECENTLY`), not asked again.
 */
export async function referSeeker(deps: Deps, cmd: ReferSeeker): Promise<Result<{ request: ChatRequest; replay: boolean }, ReferCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const chat = await tx.getChat(community.id, cmd.chatId);
    if (!chat) return fail("NOT_FOUND", { chatId: cmd.chatId });
    if (chat.volunteerId !== member.id) return fail("NOT_YOURS");
    if (chat.status !== "happened") return fail("NOT_HAPPENED", { status: chat.status });
    if (cmd.targetId === chat.seekerId || cmd.targetId === member.id) return fail("SAME_PERSON");
    const target = await tx.getMember(community.id, cmd.targetId);
    const targetProfile = target ? await tx.getVolunteer(community.id, target.id) : null;
    if (!target || !targetProfile) return fail("NOT_A_VOLUNTEER", { targetId: cmd.targetId });
    const original = await tx.getRequest(community.id, chat.requestId);
    const existing = (await tx.listRequests(community.id, { seekerId: chat.seekerId })).find(
      (r) => r.referredBy === member.id && r.suggestions[0]?.volunteerId === target.id,
    );
    if (existing) return ok({ request: existing, replay: true });
    const declined = await recentDecline(tx, community.id, chat.seekerId, target.id, now, community.settings.repeatWindowWeeks);
    if (declined) {
      const seekerMember = await tx.getMember(community.id, chat.seekerId);
      return fail("DECLINED_RECENTLY", {
        target: target.displayName,
        seeker: seekerMember?.displayName ?? "them",
        on: declined.respondedAt ?? declined.offeredAt,
        zone: member.timeZone,
      });
    }

    const draft: ChatRequest = {
      id: deps.ids.next("req"),
      communityId: community.id,
      seekerId: chat.seekerId,
      // The referred field joins the request's topics, so choosing the referred volunteer (and any
      // later candidate) matches on it: a referral needs no shared tag with the original request.
      tags: [...new Set([...(original?.tags ?? []), ...targetProfile.expertise])],
      goals: original?.goals ?? "",
      status: "open",
      tried: [],
      suggestions: [],
      referredBy: member.id,
      createdAt: now,
      updatedAt: now,
    };
    const pool = await loadPool(tx, community, now, { ...draft, volunteerIds: [target.id] });
    const asker = askerFor(pool, draft, await pendingWith(tx, community.id, chat.seekerId));
    // A referral is a person's judgement: shared tags are not required, but every hard exclusion is.
    const scored = rankCandidates(asker, pool.candidates, pool.weights, pool.candidates.length);
    const hit = scored.ranked.find((r) => r.volunteerId === target.id);
    if (!hit) return fail("TARGET_UNAVAILABLE", { why: scored.excluded.find((e) => e.volunteerId === target.id)?.why ?? "unavailable" });
    // Only the topics the seeker asked about count as shared: the referred field is ken's idea.
    const request: ChatRequest = { ...draft, suggestions: [{ ...hit, reasons: await shownReasons(tx, draft, hit.reasons) }] };
    await tx.saveRequest(request);
    const seeker = await tx.getMember(community.id, chat.seekerId);
    if (seeker && seeker.status !== "opted_out") {
      await enqueue(tx, deps, community.id, [
        {
          to: [seeker.id],
          refId: request.id,
          dueAt: now,
          notice: {
            kind: "referral_suggested",
            requestId: request.id,
            referrer: ref(member),
            volunteer: ref(target),
            reasons: request.suggestions[0]?.reasons ?? hit.reasons,
          },
        },
      ]);
    }
    return ok({ request, replay: false });
  });
}
