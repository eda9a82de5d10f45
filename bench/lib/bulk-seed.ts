import type { ChatRequest, Community, Member, SeekerProfile, VolunteerProfile } from "../../src/core/domain/index.js";
import { communityToRow } from "../../src/store/mappers/community.js";
import { requestToRow } from "../../src/store/mappers/chat-request.js";
import { memberToRow } from "../../src/store/mappers/member.js";
import { seekerToRow, volunteerToRow } from "../../src/store/mappers/profiles.js";
import { createDb } from "../../src/store/prisma-client.js";
import { parseDatabaseUrl } from "../../src/store/url.js";

/** What a seeded community holds; every record goes in as the store would write it (same mappers). */
export interface SeedRecords {
  community: Community;
  members: readonly Member[];
  seekers?: readonly SeekerProfile[];
  volunteers?: readonly VolunteerProfile[];
  requests?: readonly ChatRequest[];
}

/** Bound values one multi-row INSERT may carry: under SQLite's 999 (PostgreSQL allows 65,535). */
const BOUND_VALUES = 900;

/**
 * Writes a whole community into an already migrated database with multi-row INSERTs
 * (createMany, chunked under SQLite's bound-value limit), one transaction per table:
 * tens of thousands of rows in seconds, where one upsert per row through the store takes minutes.
 */
export async function bulkSeed(databaseUrl: string, r: SeedRecords): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "memory") throw new Error("bulkSeed needs a SQLite or PostgreSQL URL");
  const { db } = await createDb(target);
  try {
    await db.community.create({ data: communityToRow(r.community) });
    await insert(r.members.map(memberToRow), (data) => db.member.createMany({ data }));
    await insert((r.seekers ?? []).map(seekerToRow), (data) => db.seekerProfile.createMany({ data }));
    await insert((r.volunteers ?? []).map(volunteerToRow), (data) => db.volunteerProfile.createMany({ data }));
    await insert((r.requests ?? []).map(requestToRow), (data) => db.chatRequest.createMany({ data }));
  } finally {
    await db.$disconnect();
  }
}

async function insert<R extends object>(rows: readonly R[], write: (rows: R[]) => Promise<unknown>): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const per = Math.max(1, Math.floor(BOUND_VALUES / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += per) await write(rows.slice(i, i + per));
}
