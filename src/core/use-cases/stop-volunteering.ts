import type { VolunteerProfile } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { passIntro } from "./shared/pass.js";

export interface StopVolunteeringValue {
  profile: VolunteerProfile;
  /** Intros that were waiting for their answer, now passed on so each seeker moves on. */
  passedIntros: number;
  /** Chats already being set up or booked with them as the volunteer: these go ahead. */
  keptChats: number;
  replay: boolean;
}
export type StopVolunteeringCode = "NOT_VOLUNTEERING";

/** The reason kept on intros passed because the volunteer stopped (admins see it; seekers never do). */
export const STOPPED_VOLUNTEERING = "stopped volunteering";

/**
 * `volunteer off`: the member stops volunteering and stays a seeker. No new intros reach them
 * as a volunteer; intros waiting for their answer are declined with a reason, so each seeker
 * is told and moves on to the next candidate; chats already agreed go ahead. Their profile is
 * kept, so `volunteer <tags>` turns it back on. Stopping twice changes nothing.
 */
export async function stopVolunteering(deps: Deps, cmd: { actor: Actor }): Promise<Result<StopVolunteeringValue, StopVolunteeringCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const prev = await tx.getVolunteer(community.id, member.id);
    if (!prev) return fail("NOT_VOLUNTEERING");
    const chats = await tx.listChats(community.id, { memberId: member.id, status: ["proposing", "scheduled"] });
    const keptChats = chats.filter((c) => c.volunteerId === member.id).length;
    if (!prev.active) return ok({ profile: prev, passedIntros: 0, keptChats, replay: true });
    const profile: VolunteerProfile = { ...prev, active: false, updatedAt: now };
    await tx.saveVolunteer(profile);
    let passedIntros = 0;
    for (const intro of await tx.listIntros(community.id, { volunteerId: member.id, status: ["pending"] })) {
      await passIntro(tx, deps, community, intro, "declined", STOPPED_VOLUNTEERING);
      passedIntros++;
    }
    return ok({ profile, passedIntros, keptChats, replay: false });
  });
}
