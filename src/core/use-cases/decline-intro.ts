import type { Intro } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import type { NextOutcome } from "./shared/offer.js";
import { passIntro } from "./shared/pass.js";

export interface DeclineIntro {
  actor: Actor;
  introId: string;
  /** Optional, private: kept for admins, never shown to the seeker. */
  reason?: string;
}
export type DeclineCode = "NOT_FOUND" | "NOT_YOURS" | "EXPIRED" | "ALREADY_ACCEPTED" | "CANCELLED";

/**
 * The volunteer says no (no reason needed): the seeker is told kindly and the request moves
 * to the next candidate. Declining twice changes nothing.
 */
export async function declineIntro(
  deps: Deps,
  cmd: DeclineIntro,
): Promise<Result<{ intro: Intro; next: NextOutcome | null; replay: boolean }, DeclineCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community } = await loadActor(tx, cmd.actor, now);
    const intro = await tx.getIntro(community.id, cmd.introId);
    if (!intro) return fail("NOT_FOUND", { introId: cmd.introId });
    if (intro.volunteerId !== cmd.actor.memberId) return fail("NOT_YOURS");
    if (intro.status === "declined") return ok({ intro, next: null, replay: true });
    if (intro.status === "accepted") return fail("ALREADY_ACCEPTED");
    if (intro.status === "cancelled") return fail("CANCELLED");
    if (intro.status === "expired" || intro.deadline <= now) return fail("EXPIRED", { deadline: intro.deadline });
    const reason = cmd.reason?.trim().slice(0, 500) || null;
    const { intro: closed, next } = await passIntro(tx, deps, community, intro, "declined", reason);
    return ok({ intro: closed, next, replay: false });
  });
}
