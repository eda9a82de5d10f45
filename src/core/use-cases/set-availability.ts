import { type Availability, AvailabilitySchema, type Member } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { addWindows, readDayOff, readZone, removeWindows, tidyWindows } from "../time/index.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";

export interface SetAvailability {
  actor: Actor;
  /** Weekly windows in `timeZone` (or the member's zone when omitted). */
  windows: Availability["windows"];
  /** Days off as typed (`tomorrow`, `friday`, `2027-01-15`), read in the member's (new) zone. */
  datesOff?: string[];
  /** As typed: an IANA name in any case, a city, … (see readZone). */
  timeZone?: string;
  /**
   * Absent: the windows replace the old ones; days off are kept unless `datesOff` is given, which
   * replaces them. `add`/`remove` edit the windows; `off` adds `datesOff`; `clear_off` empties them.
   */
  edit?: "add" | "remove" | "off" | "clear_off";
}

export interface AvailabilityChange {
  member: Member;
  /** The schedule and zone before, so the reply can say what was replaced (`timeZoneConfirmed`: chosen by the member). */
  before: { availability: Availability; timeZone: string; timeZoneConfirmed: boolean };
  edit?: SetAvailability["edit"];
  /** What the person typed for the zone, when it was read as a city or nickname (`Berlin`). */
  zoneReadFrom?: string;
}

/** Sets when the member is free for chats, their days off and their time zone. */
export async function setAvailability(
  deps: Deps,
  cmd: SetAvailability,
): Promise<Result<AvailabilityChange, "BAD_ZONE" | "BAD_WINDOW" | "BAD_DAY_OFF">> {
  const now = deps.clock.now();
  const zone = cmd.timeZone === undefined ? undefined : readZone(cmd.timeZone);
  if (zone && !zone.ok) return fail("BAD_ZONE", { zone });
  const parsed = AvailabilitySchema.safeParse({ windows: cmd.windows, datesOff: [] });
  if (!parsed.success)
    return fail("BAD_WINDOW", { issue: parsed.error.issues[0]?.message ?? "invalid window", example: "mon-fri 09:00-12:00" });
  return deps.store.tx(async (tx) => {
    const { member } = await loadActor(tx, cmd.actor, now);
    const timeZone = zone?.zone ?? member.timeZone;
    const datesOff: string[] = [];
    for (const typed of cmd.datesOff ?? []) {
      const day = readDayOff(typed, now, timeZone);
      if (!day.ok) return fail("BAD_DAY_OFF", { problem: day.problem, inOffCommand: cmd.edit === "off" });
      if (!datesOff.includes(day.value)) datesOff.push(day.value);
    }
    const old = member.availability;
    const windows =
      cmd.edit === "add"
        ? addWindows(old.windows, parsed.data.windows)
        : cmd.edit === "remove"
          ? removeWindows(old.windows, parsed.data.windows)
          : cmd.edit === "off" || cmd.edit === "clear_off"
            ? old.windows
            : tidyWindows(parsed.data.windows);
    const newDatesOff =
      cmd.edit === "clear_off"
        ? []
        : cmd.edit === "off"
          ? [...new Set([...old.datesOff, ...datesOff])].sort()
          : cmd.datesOff === undefined
            ? old.datesOff
            : datesOff.sort();
    const updated: Member = {
      ...member,
      availability: { windows, datesOff: newDatesOff },
      timeZone,
      timeZoneConfirmed: member.timeZoneConfirmed || zone !== undefined,
    };
    await tx.saveMember(updated);
    return ok({
      member: updated,
      before: { availability: old, timeZone: member.timeZone, timeZoneConfirmed: member.timeZoneConfirmed },
      ...(cmd.edit ? { edit: cmd.edit } : {}),
      ...(zone?.readFrom ? { zoneReadFrom: zone.readFrom } : {}),
    });
  });
}
