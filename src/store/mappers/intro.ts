import { IntroSchema, type Intro } from "../../core/domain/index.js";
import type { Intro as IntroRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** An intro as an `intros` row; the match reasons become JSON. */
export const introToRow = (i: Intro): IntroRow => ({
  communityId: i.communityId,
  id: i.id,
  requestId: i.requestId,
  seekerId: i.seekerId,
  volunteerId: i.volunteerId,
  status: i.status,
  reasons: toJson(i.reasons),
  offeredAt: i.offeredAt,
  deadline: i.deadline,
  respondedAt: i.respondedAt,
  declineReason: i.declineReason,
});

/** An `intros` row back as a validated Intro. */
export function introFromRow(r: IntroRow): Intro {
  const where = `intros(${r.communityId}, ${r.id})`;
  return parseRow(IntroSchema, { ...r, reasons: readJson(r.reasons, where) }, where);
}
