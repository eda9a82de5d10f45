import { join, raw, sqltag as sql } from "@prisma/client/runtime/client";
import type { TagCounts, TagUse } from "../core/ports/index.js";
import { chunk, inChunks } from "./chunk.js";
import { readJson } from "./mappers/json.js";
import { inList } from "./row-specs.js";
import type { RowReader } from "./sqlite-rows.js";
import { POPULATION_TAG, type TagKind, tagDelta } from "./tag-counts.js";

/**
 * The tag index of the Prisma store: the posting list of active volunteers' expertise
 * (`volunteer_tags`) and the per-tag counts (`tag_counts`), kept in the same transaction as
 * the profile or request whose save changed them. Plain SQL through the transaction's RowReader,
 * as the store's other hot reads and saves: these run on every request and profile save.
 */
export class TagIndex {
  constructor(private readonly db: RowReader) {}

  /** A volunteer profile went from `before` to `after` (null: absent): postings and counts follow. */
  async volunteerChanged(
    communityId: string,
    memberId: string,
    before: { expertise: readonly string[]; active: boolean } | null,
    after: { expertise: readonly string[]; active: boolean } | null,
  ): Promise<void> {
    const posted = (p: typeof before): string[] => (p?.active ? [...new Set(p.expertise)].sort() : []);
    const was = posted(before);
    const now = posted(after);
    if (was.join("\n") !== now.join("\n")) {
      await this.db.run(sql`DELETE FROM "volunteer_tags" WHERE "community_id" = ${communityId} AND "member_id" = ${memberId}`);
      // Three bound values a row: 300 rows stay inside SQLite's 999.
      for (const piece of chunk(now, 300)) {
        const rows = piece.map((tag) => sql`(${communityId}, ${tag}, ${memberId})`);
        await this.db.run(sql`INSERT INTO "volunteer_tags" ("community_id", "tag", "member_id") VALUES ${join(rows)}`);
      }
    }
    await this.count(communityId, "volunteers", tagDelta(before?.expertise ?? null, after?.expertise ?? null, true));
  }

  /** A seeker profile's interests went from `before` to `after` (null: absent). */
  seekerChanged(communityId: string, before: readonly string[] | null, after: readonly string[] | null): Promise<void> {
    return this.count(communityId, "seekers", tagDelta(before, after, true));
  }

  /** A request's tags went from `before` to `after` (null: absent). Requests are not part of the population. */
  requestChanged(communityId: string, before: readonly string[] | null, after: readonly string[] | null): Promise<void> {
    return this.count(communityId, "requests", tagDelta(before, after, false));
  }

  /** Applies `delta` to one kind of count in one statement; rows that reach zero everywhere go. */
  private async count(communityId: string, kind: TagKind, delta: ReadonlyMap<string, number>): Promise<void> {
    if (delta.size === 0) return;
    const column = raw(`"${kind}"`);
    const rows = [...delta].map(
      ([tag, d]) =>
        sql`(${communityId}, ${tag}, ${kind === "volunteers" ? d : 0}, ${kind === "seekers" ? d : 0}, ${kind === "requests" ? d : 0})`,
    );
    // Five bound values a row: 150 rows stay well inside SQLite's 999.
    for (const piece of chunk(rows, 150)) {
      await this.db.run(
        sql`INSERT INTO "tag_counts" ("community_id", "tag", "volunteers", "seekers", "requests") VALUES ${join(piece)}
          ON CONFLICT ("community_id", "tag") DO UPDATE SET ${column} = "tag_counts".${column} + excluded.${column}`,
      );
    }
    if (![...delta.values()].some((d) => d < 0)) return;
    for (const piece of chunk([...delta.keys()]))
      await this.db.run(
        sql`DELETE FROM "tag_counts" WHERE "community_id" = ${communityId} AND ${inList("tag", piece)}
          AND "volunteers" <= 0 AND "seekers" <= 0 AND "requests" <= 0`,
      );
  }

  /** Member ids of active volunteers posting any of `tags`. */
  async membersWithTags(communityId: string, tags: readonly string[]): Promise<string[]> {
    const rows = await inChunks(tags, (slice) =>
      this.db.rows(sql`SELECT "member_id" FROM "volunteer_tags" WHERE "community_id" = ${communityId} AND ${inList("tag", slice)}`),
    );
    return [...new Set(rows.map((r) => String(r.member_id)))];
  }

  /** Tags posted by active volunteers who are neither opted out nor forgotten, other than `exceptMemberId`, sorted. */
  async offered(communityId: string, exceptMemberId: string): Promise<string[]> {
    const rows = await this.db.rows(sql`SELECT DISTINCT t."tag" AS "tag" FROM "volunteer_tags" t
      JOIN "members" m ON m."community_id" = t."community_id" AND m."id" = t."member_id"
      WHERE t."community_id" = ${communityId} AND t."member_id" <> ${exceptMemberId}
        AND NOT m."forgotten" AND m."status" <> 'opted_out'`);
    return rows.map((r) => String(r.tag)).sort();
  }

  /** The counts of `tags` (every tag when omitted) and the population. */
  async counts(communityId: string, tags?: readonly string[]): Promise<TagCounts> {
    const select = sql`SELECT "tag", "volunteers", "seekers", "requests" FROM "tag_counts" WHERE "community_id" = ${communityId}`;
    const rows =
      tags === undefined
        ? await this.db.rows(select)
        : await inChunks([POPULATION_TAG, ...tags], (slice) => this.db.rows(sql`${select} AND ${inList("tag", slice)}`));
    const out: TagCounts = { profiles: 0, tags: new Map<string, TagUse>() };
    for (const r of rows) {
      const use = { volunteers: Number(r.volunteers), seekers: Number(r.seekers), requests: Number(r.requests) };
      if (r.tag === POPULATION_TAG) out.profiles = use.volunteers + use.seekers;
      else out.tags.set(String(r.tag), use);
    }
    return out;
  }
}

/** A JSON tag list as stored in a row. */
export function readTags(json: string, where: string): string[] {
  const v = readJson(json, where);
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
}
