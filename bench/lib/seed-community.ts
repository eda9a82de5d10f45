/**
 * Seeds a realistic community (community-model.ts) into a fresh database in one transaction,
 * with rows made by the store's own mappers and written in bulk (bulk-insert.ts): 50,000
 * members and their history take seconds, not the minutes one Prisma call per row would.
 */
import { chatToRow } from "../../src/store/mappers/chat.js";
import { requestToRow } from "../../src/store/mappers/chat-request.js";
import { communityToRow } from "../../src/store/mappers/community.js";
import { feedbackToRow } from "../../src/store/mappers/feedback.js";
import { introToRow } from "../../src/store/mappers/intro.js";
import { memberToRow } from "../../src/store/mappers/member.js";
import { seekerToRow, volunteerToRow } from "../../src/store/mappers/profiles.js";
import type { BenchDb } from "./bench-db.js";
import { buildCommunity, type CommunityModel, type ModelOptions } from "./community-model.js";

/** Rows written per table. */
export type SeedCounts = Record<
  "communities" | "members" | "seeker_profiles" | "volunteer_profiles" | "chat_requests" | "intros" | "chats" | "feedback",
  number
>;

export interface Seeded {
  model: CommunityModel;
  counts: SeedCounts;
  /** Building the records, and writing them. */
  buildMs: number;
  writeMs: number;
}

/** Builds the community for `options` and writes it into `db` (fresh and migrated). */
export async function seedCommunity(db: BenchDb, options: ModelOptions): Promise<Seeded> {
  const t0 = performance.now();
  const model = buildCommunity(options);
  const t1 = performance.now();
  const tables: [keyof SeedCounts, object[]][] = [
    ["communities", [communityToRow(model.community)]],
    ["members", model.members.map(memberToRow)],
    ["seeker_profiles", model.seekers.map(seekerToRow)],
    ["volunteer_profiles", model.volunteers.map(volunteerToRow)],
    ["chat_requests", model.requests.map(requestToRow)],
    ["intros", model.intros.map(introToRow)],
    ["chats", model.chats.map(chatToRow)],
    ["feedback", model.feedback.map(feedbackToRow)],
  ];
  const sink = await db.sink();
  for (const [table, rows] of tables) await sink.insert(table, rows);
  await sink.commit();
  const counts = Object.fromEntries(tables.map(([t, rows]) => [t, rows.length])) as SeedCounts;
  return { model, counts, buildMs: t1 - t0, writeMs: performance.now() - t1 };
}
