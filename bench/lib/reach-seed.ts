/**
 * Many communities in one database, for bench:reach: each a queue community (queue-community.ts:
 * volunteers with weekday hours, open and waitlisted requests) under its platform's real ids,
 * plus seeker profiles, the volunteers' tag index and a few nudges due now. Written in bulk with
 * the store's own mappers (bulk-insert.ts), one transaction for everything.
 */
import Database from "better-sqlite3";
import pg from "pg";
import type { Nudge, SeekerProfile } from "../../src/core/domain/index.js";
import { requestToRow } from "../../src/store/mappers/chat-request.js";
import { communityToRow } from "../../src/store/mappers/community.js";
import { memberToRow } from "../../src/store/mappers/member.js";
import { nudgeToRow } from "../../src/store/mappers/nudge.js";
import { seekerToRow, volunteerToRow } from "../../src/store/mappers/profiles.js";
import type { BenchDb, RawTarget } from "./bench-db.js";
import { queueCommunity } from "./queue-community.js";

export type Platform = "slack" | "discord";

/** One seeded community as the load generator needs it: how to address it and its members. */
export interface ReachCommunity {
  platform: Platform;
  /** The Slack team id or the Discord guild id. */
  platformId: string;
  communityId: string;
  /** The platform user ids of its members. */
  users: string[];
}

export interface ReachShape {
  communities: number;
  /** Members in all, spread evenly. */
  members: number;
  /** Nudges due now in every community. */
  nudgesDue: number;
  now: Date;
}

export interface ReachSeed {
  communities: ReachCommunity[];
  rows: Record<string, number>;
  ms: number;
}

/** Slack team ids and Discord guild/user snowflakes for community `i` and its member `k`. */
const teamOf = (i: number) => `T${String(i).padStart(8, "0")}`;
const slackUser = (i: number, k: number) => `U${String(i).padStart(5, "0")}${String(k).padStart(6, "0")}`;
const guildOf = (i: number) => String(800_000_000_000_000_000n + BigInt(i));
const discordUser = (i: number, k: number) => String(600_000_000_000_000_000n + BigInt(i) * 1_000_000n + BigInt(k));

/** Half the communities on Slack (even positions), half on Discord. */
export const platformOf = (i: number): Platform => (i % 2 === 0 ? "slack" : "discord");

export async function seedReach(db: BenchDb, s: ReachShape): Promise<ReachSeed> {
  const t0 = performance.now();
  const per = Math.max(5, Math.floor(s.members / s.communities));
  const tables: Record<string, object[]> = {
    communities: [],
    members: [],
    seeker_profiles: [],
    volunteer_profiles: [],
    volunteer_tags: [],
    chat_requests: [],
    nudges: [],
  };
  const push = (t: string, rows: object[]) => {
    const into = tables[t] as object[];
    for (const r of rows) into.push(r);
  };
  const out: ReachCommunity[] = [];
  for (let i = 0; i < s.communities; i++) {
    const platform = platformOf(i);
    const platformId = platform === "slack" ? teamOf(i) : guildOf(i);
    const communityId = `${platform}:${platformId}`;
    const base = queueCommunity({
      communityId,
      members: per,
      volunteers: Math.max(1, Math.floor(per / 5)),
      queued: Math.max(1, Math.floor(per / 20)),
      now: s.now,
      seed: i + 1,
    });
    // queue-community names members `<community>:m<k>`; give them the platform's own ids.
    const users: string[] = [];
    const ids = new Map<string, string>();
    base.members.forEach((m, k) => {
      const user = platform === "slack" ? slackUser(i, k) : discordUser(i, k);
      users.push(user);
      ids.set(m.id, `${communityId}:${user}`);
    });
    const id = (old: string) => ids.get(old) ?? old;
    const members = base.members.map((m) => ({ ...m, id: id(m.id) }));
    const volunteers = (base.volunteers ?? []).map((v) => ({ ...v, memberId: id(v.memberId) }));
    const requests = (base.requests ?? []).map((r) => ({ ...r, seekerId: id(r.seekerId) }));
    const seekers: SeekerProfile[] = requests.map((r) => ({
      memberId: r.seekerId,
      communityId,
      interests: r.tags,
      learn: r.goals,
      intro: "",
      updatedAt: r.createdAt,
    }));
    const nudges: Nudge[] = Array.from({ length: s.nudgesDue }, (_, n) => {
      const to = members[(n * 7) % members.length]?.id ?? "";
      const volunteer = volunteers[n % Math.max(1, volunteers.length)]?.memberId ?? to;
      return {
        id: `${communityId}:nudge${n}`,
        communityId,
        key: `reach:${n}`,
        to: [to],
        kind: "keep_in_touch",
        refId: `${communityId}:chat${n}`,
        dueAt: new Date(s.now.getTime() - 60_000),
        notice: {
          kind: "keep_in_touch",
          chatId: `${communityId}:chat${n}`,
          volunteer: { id: volunteer, name: "A volunteer", timeZone: "UTC" },
        },
        status: "pending",
        attempts: 0,
        lastError: null,
        leaseOwner: null,
        leaseUntil: null,
        sentAt: null,
        createdAt: s.now,
      };
    });
    push("communities", [communityToRow({ ...base.community, name: `Reach ${i}` })]);
    push("members", members.map(memberToRow));
    push("seeker_profiles", seekers.map(seekerToRow));
    push("volunteer_profiles", volunteers.map(volunteerToRow));
    push(
      "volunteer_tags",
      volunteers.flatMap((v) => v.expertise.map((tag) => ({ communityId, tag, memberId: v.memberId }))),
    );
    push("chat_requests", requests.map(requestToRow));
    push("nudges", nudges.map(nudgeToRow));
    out.push({ platform, platformId, communityId, users });
  }
  const sink = await db.sink();
  for (const [table, rows] of Object.entries(tables)) await sink.insert(table, rows);
  await sink.commit();
  const rows = Object.fromEntries(Object.entries(tables).map(([t, r]) => [t, r.length]));
  return { communities: out, rows, ms: performance.now() - t0 };
}

/**
 * Sets aside (cancels) every pending nudge, so the load that follows measures commands, not a
 * backlog being delivered beside them; returns how many there were.
 */
export async function setAsideOutbox(target: RawTarget): Promise<number> {
  const sql = `UPDATE "nudges" SET "status" = 'cancelled', "last_error" = 'set aside by bench:reach' WHERE "status" = 'pending'`;
  if (target.kind === "sqlite") {
    const db = new Database(target.file, { timeout: 30_000 });
    try {
      return db.prepare(sql).run().changes;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.connectionString, options: `-c search_path="${target.schema}"` });
  await client.connect();
  try {
    return (await client.query(sql)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}
