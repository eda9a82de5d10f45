import { ChatSchema, type Chat } from "../../core/domain/index.js";
import type { Chat as ChatRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A chat as a `chats` row; proposed slots and the slot become JSON; no booking time is stored as null. */
export const chatToRow = (c: Chat): ChatRow => ({
  communityId: c.communityId,
  id: c.id,
  requestId: c.requestId,
  introId: c.introId,
  seekerId: c.seekerId,
  volunteerId: c.volunteerId,
  status: c.status,
  minutes: c.minutes,
  format: c.format,
  proposedSlots: toJson(c.proposedSlots),
  slot: c.slot === null ? null : toJson(c.slot),
  reschedules: c.reschedules,
  cancelledBy: c.cancelledBy,
  outcomeAt: c.outcomeAt,
  reports: toJson(c.reports),
  invite: c.invite === null ? null : toJson(c.invite),
  bookedAt: c.bookedAt ?? null,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** A `chats` row back as a validated Chat (`bookedAt` null when none was recorded). */
export function chatFromRow(r: ChatRow): Chat {
  const where = `chats(${r.communityId}, ${r.id})`;
  return parseRow(
    ChatSchema,
    {
      ...r,
      proposedSlots: readJson(r.proposedSlots, where),
      slot: r.slot === null ? null : readJson(r.slot, where),
      reports: readJson(r.reports, where),
      invite: r.invite === null ? null : readJson(r.invite, where),
    },
    where,
  );
}
