import { join, raw, sqltag as sql } from "@prisma/client/runtime/client";
import type { TagCounts, TagUse } from "../core/ports/index.js";
import { inChunks } from "./chunk.js";
import { readJson } from "./mappers/json.js";
import type { DbTx } from "./prisma-client.js";
import { POPULATION_TAG, type TagKind, tagDelta } from "./tag-counts.js";

/**
 * The tag index of the Prisma store: the posting list of active volunteers' expertise
 * (`volunteer_tags`) and the per-tag counts (`tag_counts`), kept in the same transaction as
 * the profile or request whose save changed them.
 */
export class TagIndex {
  constructor(private readonly db: DbTx) {}

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
      await this.db.volunteerTag.deleteMany({ where: { communityId, memberId } });
      if (now.length > 0) await this.db.volunteerTag.createMany({ data: now.map((tag) => ({ communityId, tag, memberId })) });
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
    for (let i = 0; i < rows.length; i += 150) {
      await this.db.$executeRaw(
        sql`INSERT INTO "tag_counts" ("community_id", "tag", "volunteers", "seekers", "requests") VALUES ${join(rows.slice(i, i + 150))}
          ON CONFLICT ("community_id", "tag") DO UPDATE SET ${column} = "tag_counts".${column} + excluded.${column}`,
      );
    }
    if (![...delta.values()].some((d) => d < 0)) return;
    await this.db.tagCount.deleteMany({
      where: { communityId, tag: { in: [...delta.keys()] }, volunteers: { lte: 0 }, seekers: { lte: 0 }, requests: { lte: 0 } },
    });
  }

  /** Member ids of active volunteers posting any of `tags`. */
  async membersWithTags(communityId: string, tags: readonly string[]): Promise<string[]> {
    const rows = await inChunks(tags, (slice) =>
      this.db.volunteerTag.findMany({ where: { communityId, tag: { in: slice } }, select: { memberId: true } }),
    );
    return [...new Set(rows.map((r) => r.memberId))];
  }

  /** Tags posted by active volunteers who are neither opted out nor forgotten, other than `exceptMemberId`, sorted. */
  async offered(communityId: string, exceptMemberId: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT t."tag" AS "tag" FROM "volunteer_tags" t
      JOIN "members" m ON m."community_id" = t."community_id" AND m."id" = t."member_id"
      WHERE t."community_id" = ${communityId} AND t."member_id" <> ${exceptMemberId}
        AND NOT m."forgotten" AND m."status" <> 'opted_out'`;
    return rows.map((r) => r.tag).sort();
  }

  /** The counts of `tags` (every tag when omitted) and the population. */
  async counts(communityId: string, tags?: readonly string[]): Promise<TagCounts> {
    const rows =
      tags === undefined
        ? await this.db.tagCount.findMany({ where: { communityId } })
        : await inChunks([POPULATION_TAG, ...tags], (slice) => this.db.tagCount.findMany({ where: { communityId, tag: { in: slice } } }));
    const out: TagCounts = { profiles: 0, tags: new Map<string, TagUse>() };
    for (const r of rows) {
      const use = { volunteers: r.volunteers, seekers: r.seekers, requests: r.requests };
      if (r.tag === POPULATION_TAG) out.profiles = r.volunteers + r.seekers;
      else out.tags.set(r.tag, use);
    }
    return out;
  }
}

/** A JSON tag list as stored in a row. */
export function readTags(json: string, where: string): string[] {
  const v = readJson(json, where);
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
}
