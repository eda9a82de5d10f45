import type { Community, Intro } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { enqueue } from "./notify.js";
import { offerNext, type NextOutcome } from "./offer.js";
import { ref } from "./people.js";

/**
 * An intro ended without a chat (declined, expired, or the volunteer became unavailable):
 * close it, drop its reminder, move the request to the next candidate, and tell the seeker
 * what happened and what comes next — in one transaction. What an expiry means for the
 * volunteer (auto-pause) is the caller's policy: see expire-intros.
 */
export async function passIntro(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  intro: Intro,
  why: "declined" | "expired" | "unavailable",
  reason: string | null,
): Promise<{ intro: Intro; next: NextOutcome | null }> {
  const now = deps.clock.now();
  const closed: Intro = {
    ...intro,
    status: why === "declined" ? "declined" : why === "expired" ? "expired" : "cancelled",
    respondedAt: why === "expired" ? null : now,
    declineReason: reason,
  };
  await tx.saveIntro(closed);
  // The intro DM too, if it has not gone out yet: a closed intro must not reach the volunteer.
  await tx.cancelNudges(community.id, { refId: intro.id, kinds: ["intro_offered", "intro_reminder"] });
  const request = await tx.getRequest(community.id, intro.requestId);
  const volunteer = await tx.getMember(community.id, intro.volunteerId);
  const seeker = await tx.getMember(community.id, intro.seekerId);
  if (request?.status !== "offered" || !seeker) return { intro: closed, next: null };
  const next = await offerNext(tx, deps, community, request);
  const volunteerRef = volunteer ? ref(volunteer) : { id: intro.volunteerId, name: "the volunteer", timeZone: "UTC" };
  await enqueue(tx, deps, community.id, [
    {
      to: [seeker.id],
      refId: intro.id,
      dueAt: now,
      notice: {
        kind: "intro_passed",
        requestId: request.id,
        volunteer: volunteerRef,
        why,
        next: next.offered ? ref(next.volunteer) : null,
        waitlisted: next.offered === null,
        ...(next.offered === null && next.blocker ? { blocker: next.blocker } : {}),
      },
    },
    ...(why === "expired" && volunteer
      ? [
          {
            to: [volunteer.id],
            refId: intro.id,
            dueAt: now,
            notice: {
              kind: "intro_expired" as const,
              introId: intro.id,
              seeker: ref(seeker),
              seekerNext: next.offered ? ("offered" as const) : ("waitlisted" as const),
            },
          },
        ]
      : []),
  ]);
  return { intro: closed, next };
}
