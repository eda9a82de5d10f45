import type { Community, Intro, Member } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { enqueue } from "./notify.js";
import { ref } from "./people.js";

/**
 * The seeker withdrew (cancelled the request or left): the pending intro is cancelled with its
 * reminder. The volunteer is told only if the intro already reached them; an intro still in
 * the outbox simply never goes out.
 */
export async function withdrawIntro(tx: StoreTx, deps: Deps, community: Community, intro: Intro, seeker: Member): Promise<void> {
  const now = deps.clock.now();
  await tx.saveIntro({ ...intro, status: "cancelled", respondedAt: now });
  const delivered = await tx.listNudges(community.id, { refId: intro.id, kinds: ["intro_offered"], status: ["sent"] });
  await tx.cancelNudges(community.id, { refId: intro.id });
  if (delivered.length === 0) return;
  await enqueue(tx, deps, community.id, [
    { to: [intro.volunteerId], refId: intro.id, dueAt: now, notice: { kind: "intro_withdrawn", introId: intro.id, seeker: ref(seeker) } },
  ]);
}
