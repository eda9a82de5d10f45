import type { Intro, PersonRef } from "../domain/index.js";
import { rankCandidates } from "../matching/score.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { offerIntro, pendingWith } from "./shared/offer.js";
import { askerFor, loadPool } from "./shared/pool.js";
import { blockerFor } from "./shared/blocker.js";
import { ref } from "./shared/people.js";

export interface ChooseVolunteer {
  actor: Actor;
  requestId: string;
  /** A volunteer's member id, or "auto" to let Percolate pick the best match. */
  volunteerId: string | "auto";
}
export type ChooseCode =
  | "NOT_FOUND"
  | "NOT_YOURS"
  | "NOT_OPEN"
  | "NO_CANDIDATE"
  | "VOLUNTEER_UNAVAILABLE"
  | "AT_CAPACITY"
  | "PROGRAM_PAUSED";

/**
 * The seeker picks a suggested volunteer (or "pick for me"): an intro goes to the volunteer.
 * Choosing again after the intro went out returns that same intro.
 */
export async function chooseVolunteer(
  deps: Deps,
  cmd: ChooseVolunteer,
): Promise<Result<{ intro: Intro; volunteer: PersonRef; replay: boolean }, ChooseCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community } = await loadActor(tx, cmd.actor, now);
    const request = await tx.getRequest(community.id, cmd.requestId);
    if (!request) return fail("NOT_FOUND", { requestId: cmd.requestId });
    if (request.seekerId !== cmd.actor.memberId) return fail("NOT_YOURS");
    if (request.status === "offered") {
      const [pending] = await tx.listIntros(community.id, { requestId: request.id, status: ["pending"] });
      const v = pending ? await tx.getMember(community.id, pending.volunteerId) : null;
      if (pending && v && (cmd.volunteerId === "auto" || cmd.volunteerId === v.id))
        return ok({ intro: pending, volunteer: ref(v), replay: true });
      return fail("NOT_OPEN", { status: request.status });
    }
    if (request.status !== "open" && request.status !== "waitlisted") return fail("NOT_OPEN", { status: request.status });
    if (community.settings.programPaused) return fail("PROGRAM_PAUSED");

    const named = cmd.volunteerId === "auto" ? [] : [cmd.volunteerId];
    const pool = await loadPool(tx, community, now, { ...request, volunteerIds: named });
    const asker = askerFor(pool, request, await pendingWith(tx, community.id, request.seekerId));
    const { ranked, excluded } = rankCandidates(asker, pool.candidates, pool.weights, pool.candidates.length);
    const pick = cmd.volunteerId === "auto" ? ranked[0] : ranked.find((r) => r.volunteerId === cmd.volunteerId);
    if (!pick) {
      if (cmd.volunteerId === "auto") {
        // Nobody fits: the request waits on the waitlist, and the seeker learns why.
        if (request.status === "open") await tx.saveRequest({ ...request, status: "waitlisted", waitlistedAt: now, updatedAt: now });
        const blocker = blockerFor(pool, request, asker);
        return fail("NO_CANDIDATE", blocker ? { blocker } : undefined);
      }
      const why = excluded.find((e) => e.volunteerId === cmd.volunteerId)?.why;
      return fail(why === "at_capacity" ? "AT_CAPACITY" : "VOLUNTEER_UNAVAILABLE", { why: why ?? "not_a_volunteer" });
    }
    const volunteer = pool.members.get(pick.volunteerId);
    if (!volunteer) return fail("VOLUNTEER_UNAVAILABLE", { why: "not_a_volunteer" });
    const intro = await offerIntro(tx, deps, community, request, volunteer, pick.reasons);
    return ok({ intro, volunteer: ref(volunteer), replay: false });
  });
}
