import { MemberSchema, type Member } from "../../core/domain/index.js";
import type { Member as MemberRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A member as a `members` row; the block list and availability become JSON. */
export const memberToRow = (m: Member): MemberRow => ({
  communityId: m.communityId,
  id: m.id,
  displayName: m.displayName,
  timeZone: m.timeZone,
  timeZoneConfirmed: m.timeZoneConfirmed,
  status: m.status,
  pausedUntil: m.pausedUntil,
  blocked: toJson(m.blocked),
  availability: toJson(m.availability),
  forgotten: m.forgotten,
  celebrate: m.celebrate,
  createdAt: m.createdAt,
});

/** A `members` row back as a validated Member. */
export function memberFromRow(r: MemberRow): Member {
  const where = `members(${r.communityId}, ${r.id})`;
  return parseRow(MemberSchema, { ...r, blocked: readJson(r.blocked, where), availability: readJson(r.availability, where) }, where);
}
