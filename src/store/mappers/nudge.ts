import { NudgeSchema, type Nudge } from "../../core/domain/index.js";
import type { Nudge as NudgeRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A nudge as a `nudges` row: one to three recipients as columns, the notice as JSON. */
export const nudgeToRow = (n: Nudge): NudgeRow => ({
  id: n.id,
  communityId: n.communityId,
  key: n.key,
  recipient1: n.to[0] ?? "",
  recipient2: n.to[1] ?? null,
  recipient3: n.to[2] ?? null,
  kind: n.kind,
  refId: n.refId,
  dueAt: n.dueAt,
  notice: toJson(n.notice),
  status: n.status,
  attempts: n.attempts,
  lastError: n.lastError,
  leaseOwner: n.leaseOwner,
  leaseUntil: n.leaseUntil,
  sentAt: n.sentAt,
  createdAt: n.createdAt,
});

/** A `nudges` row back as a validated Nudge. */
export function nudgeFromRow(r: NudgeRow): Nudge {
  const where = `nudges(${r.id})`;
  const { recipient1, recipient2, recipient3, ...rest } = r;
  const to = [recipient1, ...(recipient2 === null ? [] : [recipient2]), ...(recipient3 === null ? [] : [recipient3])];
  return parseRow(NudgeSchema, { ...rest, to, notice: readJson(r.notice, where) }, where);
}

/** The columns of `nudges` in the order raw INSERTs list them; SQL names and row fields. */
export const NUDGE_COLUMNS = [
  ["id", "id"],
  ["community_id", "communityId"],
  ["key", "key"],
  ["recipient1", "recipient1"],
  ["recipient2", "recipient2"],
  ["recipient3", "recipient3"],
  ["kind", "kind"],
  ["ref_id", "refId"],
  ["due_at", "dueAt"],
  ["notice", "notice"],
  ["status", "status"],
  ["attempts", "attempts"],
  ["last_error", "lastError"],
  ["lease_owner", "leaseOwner"],
  ["lease_until", "leaseUntil"],
  ["sent_at", "sentAt"],
  ["created_at", "createdAt"],
] as const satisfies ReadonlyArray<readonly [string, keyof NudgeRow]>;

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string | number));
const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
const asString = (v: unknown): string => String(v);
const asStringOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * A row from a raw `RETURNING *` on `nudges` (snake_case, driver-typed) as a NudgeRow.
 * Both adapters already return Dates and numbers; the coercions guard other drivers.
 */
export function nudgeRowFromRaw(raw: Record<string, unknown>): NudgeRow {
  return {
    id: asString(raw.id),
    communityId: asString(raw.community_id),
    key: asString(raw.key),
    recipient1: asString(raw.recipient1),
    recipient2: asStringOrNull(raw.recipient2),
    recipient3: asStringOrNull(raw.recipient3),
    kind: asString(raw.kind),
    refId: asString(raw.ref_id),
    dueAt: asDate(raw.due_at),
    notice: asString(raw.notice),
    status: asString(raw.status),
    attempts: Number(raw.attempts),
    lastError: asStringOrNull(raw.last_error),
    leaseOwner: asStringOrNull(raw.lease_owner),
    leaseUntil: asDateOrNull(raw.lease_until),
    sentAt: asDateOrNull(raw.sent_at),
    createdAt: asDate(raw.created_at),
  };
}
