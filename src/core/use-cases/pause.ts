import type { Member } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { passPendingIntros } from "./shared/step-back.js";

export interface Pause {
  actor: Actor;
  /** The member is matched again from this instant on. */
  until: Date;
}

/**
 * Takes a break from new intros until a date. Chats already scheduled go ahead; intros
 * waiting for the member's answer move on to the next volunteer. Pausing again moves the date;
 * `replaced` is the end of the pause it replaced (null if none, or an open-ended one).
 */
export async function pause(
  deps: Deps,
  cmd: Pause,
): Promise<Result<{ member: Member; passedIntros: number; replaced: Date | null }, "DATE_IN_PAST" | "TOO_FAR" | "OPTED_OUT">> {
  const now = deps.clock.now();
  if (cmd.until <= now) return fail("DATE_IN_PAST", { now });
  if (cmd.until.getTime() - now.getTime() > 366 * 24 * 3600_000) return fail("TOO_FAR", { maxDays: 366 });
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    if (member.status === "opted_out") return fail("OPTED_OUT");
    // A pause already running is replaced, and the reply says which one.
    const replaced = member.status === "paused" ? member.pausedUntil : null;
    const paused: Member = { ...member, status: "paused", pausedUntil: cmd.until };
    await tx.saveMember(paused);
    const passedIntros = await passPendingIntros(tx, deps, community, paused);
    return ok({ member: paused, passedIntros, replaced });
  });
}
