import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import type { Nudge as NudgeRow } from "./generated/sqlite/client.js";
import { NUDGE_COLUMNS } from "./mappers/nudge.js";
import type { Dialect } from "./prisma-client.js";

/*
 * Raw SQL for the outbox's hot paths, written once for both dialects (quoted identifiers,
 * `ON CONFLICT`, `RETURNING`: SQLite ≥ 3.35 and PostgreSQL agree on all of them). Built
 * with Prisma's runtime `sql` tag, so values are always bound parameters; it comes from
 * @prisma/client itself, so this module loads even before a client was generated.
 */

/** Rows per INSERT: 16 columns × 200 stays far below both engines' parameter limits. */
export const INSERT_CHUNK = 200;

const COLUMN_LIST = raw(NUDGE_COLUMNS.map(([column]) => `"${column}"`).join(", "));

/** One INSERT of many nudges that skips any whose (community, key) already exists. */
export function insertNudgesSql(rows: readonly NudgeRow[]): Sql {
  const tuples = rows.map((r) => sql`(${join(NUDGE_COLUMNS.map(([, field]) => r[field]))})`);
  return sql`INSERT INTO "nudges" (${COLUMN_LIST}) VALUES ${join(tuples)} ON CONFLICT ("community_id", "key") DO NOTHING`;
}

/**
 * One statement that leases the earliest due, unleased (or lease-expired) pending nudges
 * and returns them. On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets concurrent claimers pass
 * each other's rows instead of waiting; on SQLite the statement holds the only write lock.
 *
 * Nudges of a community marked inactive (the platform cannot reach it) are passed over and
 * left exactly as they are, so they go out once it is installed again. The check is a NOT
 * EXISTS probe of the community's primary key per candidate row, so the scan still walks the
 * (status, due_at) index in due order and stops at the limit; a community with no row counts
 * as reachable, as in MemoryStore.
 */
export function claimDueSql(dialect: Dialect, now: Date, limit: number, owner: string, leaseUntil: Date): Sql {
  const lock = dialect === "postgres" ? raw(" FOR UPDATE SKIP LOCKED") : empty;
  // A lease still present here has expired: its runner died mid-send, so that try counts.
  return sql`UPDATE "nudges" SET "lease_owner" = ${owner}, "lease_until" = ${leaseUntil},
  "attempts" = "attempts" + CASE WHEN "lease_until" IS NULL THEN 0 ELSE 1 END
WHERE "id" IN (
  SELECT "id" FROM "nudges"
  WHERE "status" = 'pending' AND "due_at" <= ${now} AND ("lease_until" IS NULL OR "lease_until" <= ${now})
    AND NOT EXISTS (SELECT 1 FROM "communities" c WHERE c."id" = "nudges"."community_id" AND c."inactive_since" IS NOT NULL)
  ORDER BY "due_at"
  LIMIT ${limit}${lock}
)
RETURNING *`;
}

const releaseLease = sql`"lease_owner" = NULL, "lease_until" = NULL`;
const heldBy = (id: string, owner: string) => sql`"id" = ${id} AND "lease_owner" = ${owner} AND "status" = 'pending'`;

/** Marks a nudge sent if `owner` still holds it (raw: Prisma's updateMany costs twice as much). */
export const markSentSql = (id: string, owner: string, at: Date): Sql =>
  sql`UPDATE "nudges" SET "status" = 'sent', "sent_at" = ${at}, "attempts" = "attempts" + 1, ${releaseLease} WHERE ${heldBy(id, owner)}`;

/** Records a failed attempt if `owner` still holds the nudge: pending again at `retryAt`, or failed. */
export function markAttemptSql(id: string, owner: string, error: string, retryAt: Date | null): Sql {
  const next = retryAt === null ? sql`"status" = 'failed'` : sql`"status" = 'pending', "due_at" = ${retryAt}`;
  return sql`UPDATE "nudges" SET ${next}, "attempts" = "attempts" + 1, "last_error" = ${error}, ${releaseLease} WHERE ${heldBy(id, owner)}`;
}

/** Back to pending at `until`, attempts unchanged (rate limited). */
export const postponeSql = (id: string, owner: string, until: Date): Sql =>
  sql`UPDATE "nudges" SET "due_at" = ${until}, ${releaseLease} WHERE ${heldBy(id, owner)}`;

/** Cancelled for good (the recipient left), with the reason kept. */
export const markCancelledSql = (id: string, owner: string, reason: string): Sql =>
  sql`UPDATE "nudges" SET "status" = 'cancelled', "last_error" = ${reason}, ${releaseLease} WHERE ${heldBy(id, owner)}`;

/** Drops every lease `owner` holds on pending nudges. */
export const releaseSql = (owner: string): Sql =>
  sql`UPDATE "nudges" SET ${releaseLease} WHERE "lease_owner" = ${owner} AND "status" = 'pending'`;
