import { empty, join, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { ChatFilter, FeedbackFilter, IntroFilter, NudgeFilter, RequestFilter } from "../core/ports/index.js";
import { byTimeThenId, inChunks, inOrderOf } from "./chunk.js";
import type {
  Chat as ChatRow,
  ChatRequest as RequestRow,
  Feedback as FeedbackRow,
  Intro as IntroRow,
  Nudge as NudgeRow,
} from "./generated/sqlite/client.js";
import { CHAT, FEEDBACK, INTRO, NUDGE, inList, REQUEST, type RowSpec, rowOf, upsertSql } from "./row-specs.js";
import type { RowReader } from "./sqlite-rows.js";

/**
 * The store's reads and writes that run on every command (one record by key, a member's
 * requests, intros and chats, records by a list of ids; saving a record) as plain SQL through a
 * RowReader, so they skip Prisma's per-call query compilation. Filters and orderings are those of src/store/filters.ts, as the
 * Prisma queries they replace had them: ties in time order fall back to the id.
 */
export class HotReads {
  constructor(private readonly reader: RowReader) {}

  /** Runs one write; returns how many rows it changed. */
  run(q: Sql): Promise<number> {
    return this.reader.run(q);
  }

  /** Inserts `row` or replaces the row with its key (the store's `save*`). */
  async save<R>(s: RowSpec<R>, row: R): Promise<void> {
    await this.reader.run(upsertSql(s, row));
  }

  /** The one row `where` selects, or null. */
  async one<R>(s: RowSpec<R>, where: Sql): Promise<R | null> {
    const [r] = await this.reader.rows(sql`${s.from} WHERE ${where} LIMIT 1`);
    return r ? rowOf(s, r) : null;
  }

  /** The rows `where` selects, in the order given. */
  async many<R>(s: RowSpec<R>, where: Sql, order: Sql = empty): Promise<R[]> {
    const rows = await this.reader.rows(sql`${s.from} WHERE ${where}${order}`);
    return rows.map((r) => rowOf(s, r));
  }

  /** Rows of one community whose key column is among `ids`, in the order of `ids`, each once; chunked under the engines' parameter limits. */
  async byIds<R>(s: RowSpec<R>, communityId: string, keyColumn: string, ids: readonly string[], key: (r: R) => string): Promise<R[]> {
    const found = await inChunks(ids, (part) => this.many(s, sql`"community_id" = ${communityId} AND ${inList(keyColumn, part)}`));
    return inOrderOf(ids, found, key);
  }

  /**
   * Rows `where` selects, oldest first by `at` (ties by id). With `narrow` (the filter names one
   * member, request or seeker, a handful of rows through its index) the rows are sorted here:
   * an ORDER BY on the creation time would lead SQLite's planner to walk the whole community in
   * creation order instead of using the narrow index (2 ms instead of 0.1 ms at 5,000 members).
   */
  private async ordered<R extends { id: string }>(
    s: RowSpec<R>,
    where: Sql[],
    at: (r: R) => Date,
    order: Sql,
    narrow: boolean,
  ): Promise<R[]> {
    if (!narrow) return this.many(s, join(where, " AND "), order);
    return (await this.many(s, join(where, " AND "))).sort(byTimeThenId(at));
  }

  requests(communityId: string, f: RequestFilter): Promise<RequestRow[]> {
    if (f.status?.length === 0) return Promise.resolve([]);
    const where = [sql`"community_id" = ${communityId}`];
    if (f.seekerId !== undefined) {
      // One seeker's few requests, filtered here: a status list in the SQL draws SQLite to the status index.
      where.push(sql`"seeker_id" = ${f.seekerId}`);
      const statuses = f.status;
      return this.ordered(REQUEST, where, (r) => r.createdAt, BY_CREATION, true).then((rows) =>
        statuses === undefined ? rows : rows.filter((r) => statuses.includes(r.status as (typeof statuses)[number])),
      );
    }
    if (f.status !== undefined) where.push(inList("status", f.status));
    return this.ordered(REQUEST, where, (r) => r.createdAt, BY_CREATION, false);
  }

  async intros(communityId: string, f: IntroFilter): Promise<IntroRow[]> {
    if (f.status?.length === 0) return [];
    const where = [sql`"community_id" = ${communityId}`];
    if (f.requestId !== undefined) where.push(sql`"request_id" = ${f.requestId}`);
    if (f.volunteerId !== undefined) where.push(sql`"volunteer_id" = ${f.volunteerId}`);
    if (f.seekerId !== undefined) where.push(sql`"seeker_id" = ${f.seekerId}`);
    if (f.deadlineBefore !== undefined) where.push(sql`"deadline" <= ${f.deadlineBefore}`);
    const order = sql` ORDER BY "offered_at", "id"`;
    const narrow = f.requestId !== undefined || f.volunteerId !== undefined || f.seekerId !== undefined;
    const statuses = f.status;
    if (narrow && f.volunteerIds === undefined) {
      // One person's or one request's few intros: statuses filtered here, so the narrow index is used.
      const rows = await this.ordered(INTRO, where, (r) => r.offeredAt, order, true);
      return statuses === undefined ? rows : rows.filter((r) => statuses.includes(r.status as (typeof statuses)[number]));
    }
    if (statuses !== undefined) where.push(inList("status", statuses));
    if (f.volunteerIds === undefined) return this.ordered(INTRO, where, (r) => r.offeredAt, order, false);
    const rows = await inChunks(f.volunteerIds, (part) => this.many(INTRO, join([...where, inList("volunteer_id", part)], " AND "), order));
    return rows.sort(byTimeThenId((r) => r.offeredAt));
  }

  async feedback(communityId: string, f: FeedbackFilter): Promise<FeedbackRow[]> {
    const where = [sql`"community_id" = ${communityId}`];
    if (f.aboutId !== undefined) where.push(sql`"about_id" = ${f.aboutId}`);
    if (f.chatId !== undefined) where.push(sql`"chat_id" = ${f.chatId}`);
    if (f.fromId !== undefined) where.push(sql`"from_id" = ${f.fromId}`);
    const narrow = f.aboutId !== undefined || f.chatId !== undefined || f.fromId !== undefined;
    if (f.aboutIds === undefined) return this.ordered(FEEDBACK, where, (r) => r.createdAt, BY_CREATION, narrow);
    const rows = await inChunks(f.aboutIds, (part) => this.many(FEEDBACK, join([...where, inList("about_id", part)], " AND ")));
    return rows.sort(byTimeThenId((r) => r.createdAt));
  }

  /** Nudges matching the filter, earliest due first (then creation, then id). */
  async nudges(communityId: string, f: NudgeFilter): Promise<NudgeRow[]> {
    if (f.kinds?.length === 0 || f.status?.length === 0) return [];
    const rows = await this.many(NUDGE, nudgeWhere(communityId, f));
    return rows.sort(
      (a, b) =>
        a.dueAt.getTime() - b.dueAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  /** Marks the pending nudges matching the filter cancelled, releasing any lease; returns how many changed. */
  async cancelNudges(communityId: string, f: NudgeFilter): Promise<number> {
    if (f.kinds?.length === 0 || f.status?.length === 0) return 0;
    return this.reader.run(
      sql`UPDATE "nudges" SET "status" = 'cancelled', "lease_owner" = NULL, "lease_until" = NULL WHERE "status" = 'pending' AND ${nudgeWhere(communityId, f)}`,
    );
  }

  async chats(communityId: string, f: ChatFilter): Promise<ChatRow[]> {
    if (f.status?.length === 0) return [];
    // One member's chats: each side of the OR names a whole index, so SQLite reads both indexes
    // rather than the community; their status is filtered here, for the same reason.
    const where =
      f.memberId !== undefined
        ? [
            sql`(("community_id" = ${communityId} AND "seeker_id" = ${f.memberId}) OR ("community_id" = ${communityId} AND "volunteer_id" = ${f.memberId}))`,
          ]
        : [sql`"community_id" = ${communityId}`];
    if (f.requestId !== undefined) where.push(sql`"request_id" = ${f.requestId}`);
    const statuses = f.status;
    if (statuses !== undefined && f.memberId !== undefined) {
      const rest = { ...f, status: undefined };
      return (await this.chats(communityId, rest)).filter((c) => statuses.includes(c.status as (typeof statuses)[number]));
    }
    if (statuses !== undefined) where.push(inList("status", statuses));
    if (f.createdSince !== undefined) where.push(sql`"created_at" >= ${f.createdSince}`);
    const narrow = f.memberId !== undefined || f.requestId !== undefined;
    if (f.memberIds === undefined) return this.ordered(CHAT, where, (r) => r.createdAt, BY_CREATION, narrow);
    // Each id is bound twice (as seeker and as volunteer); a chat between two listed members comes back once.
    const rows = await inChunks(
      f.memberIds,
      (part) => this.many(CHAT, join([...where, sql`(${inList("seeker_id", part)} OR ${inList("volunteer_id", part)})`], " AND ")),
      250,
    );
    return [...new Map(rows.map((r) => [r.id, r])).values()].sort(byTimeThenId((r) => r.createdAt));
  }
}

/** NudgeFilter as SQL (filters.ts semantics): one community, a chat or request it refers to, a recipient, kinds, statuses. */
function nudgeWhere(communityId: string, f: NudgeFilter): Sql {
  const where = [sql`"community_id" = ${communityId}`];
  if (f.refId !== undefined) where.push(sql`"ref_id" = ${f.refId}`);
  if (f.to !== undefined) where.push(sql`("recipient1" = ${f.to} OR "recipient2" = ${f.to} OR "recipient3" = ${f.to})`);
  if (f.kinds !== undefined) where.push(inList("kind", f.kinds));
  if (f.status !== undefined) where.push(inList("status", f.status));
  return join(where, " AND ");
}

const BY_CREATION = sql` ORDER BY "created_at", "id"`;
