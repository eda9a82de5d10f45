import { type Availability, AvailabilitySchema, type Member } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { isValidZone } from "../time/index.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";

export interface SetAvailability {
  actor: Actor;
  /** Weekly windows in `timeZone` (or the member's zone when omitted). Replaces the old ones. */
  windows: Availability["windows"];
  datesOff?: string[];
  timeZone?: string;
}

/** Sets when the member is free for chats, and their time zone. */
export async function setAvailability(deps: Deps, cmd: SetAvailability): Promise<Result<Member, "BAD_ZONE" | "BAD_WINDOW">> {
  const now = deps.clock.now();
  if (cmd.timeZone !== undefined && !isValidZone(cmd.timeZone)) return fail("BAD_ZONE", { given: cmd.timeZone, example: "Europe/Berlin" });
  const parsed = AvailabilitySchema.safeParse({ windows: cmd.windows, datesOff: cmd.datesOff ?? [] });
  if (!parsed.success)
    return fail("BAD_WINDOW", { issue: parsed.error.issues[0]?.message ?? "invalid window", example: "mon-fri 09:00-12:00" });
  return deps.store.tx(async (tx) => {
    const { member } = await loadActor(tx, cmd.actor, now);
    const updated: Member = {
      ...member,
      availability: {
        windows: parsed.data.windows,
        datesOff: cmd.datesOff === undefined ? member.availability.datesOff : parsed.data.datesOff,
      },
      timeZone: cmd.timeZone ?? member.timeZone,
      timeZoneConfirmed: member.timeZoneConfirmed || cmd.timeZone !== undefined,
    };
    await tx.saveMember(updated);
    return ok(updated);
  });
}
