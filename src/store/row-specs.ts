import { join, raw, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type {
  Chat as ChatRow,
  ChatRequest as RequestRow,
  Community as CommunityRow,
  DashboardGrant as DashboardGrantRow,
  Feedback as FeedbackRow,
  Installation as InstallationRow,
  Intro as IntroRow,
  Nudge as NudgeRow,
  PeerGroup as PeerGroupRow,
  PeerProfile as PeerProfileRow,
  PeerRound as PeerRoundRow,
  Member as MemberRow,
  SeekerProfile as SeekerRow,
  VolunteerProfile as VolunteerRow,
} from "./generated/sqlite/client.js";

/*
 * How the hot reads fetch a model's rows with plain SQL instead of Prisma's query builder:
 * the table, every field (its column is the field in snake_case, as prisma/schema.prisma maps
 * them) and which fields need converting back, since SQLite hands out dates as text and
 * booleans as 0/1 where PostgreSQL gives Date and boolean. The result is the row type Prisma
 * would have returned, so the existing mappers validate it.
 */

/** One model's table and the fields a raw read converts back to their Prisma row types. */
export interface RowSpec<R> {
  /** `SELECT <every column AS its field> FROM <table>`, to be followed by a WHERE clause. */
  readonly from: Sql;
  /** The table, quoted. */
  readonly table: string;
  /** Every field, in one fixed order. */
  readonly fields: readonly (keyof R & string)[];
  /** The fields of the primary key. */
  readonly key: readonly (keyof R & string)[];
  readonly dates: readonly (keyof R & string)[];
  readonly bools: readonly (keyof R & string)[];
}

const column = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `fields` lists every field of R (a missing one is a type error), so nothing is dropped. */
function spec<R>(
  table: string,
  key: RowSpec<R>["key"],
  fields: Record<keyof R & string, true>,
  dates: RowSpec<R>["dates"],
  bools: RowSpec<R>["bools"] = [],
): RowSpec<R> {
  const all = Object.keys(fields) as (keyof R & string)[];
  const list = all.map((f) => `"${column(f)}" AS "${f}"`).join(", ");
  return { from: raw(`SELECT ${list} FROM "${table}"`), table: `"${table}"`, fields: all, key, dates, bools };
}

/**
 * Insert `row`, or replace every other column of the row with the same key: the store's
 * `save*`, in one statement both engines run (`ON CONFLICT … DO UPDATE`).
 */
export function upsertSql<R>(s: RowSpec<R>, row: R): Sql {
  const col = (f: string) => `"${column(f)}"`;
  const set = s.fields
    .filter((f) => !s.key.includes(f))
    .map((f) => `${col(f)} = excluded.${col(f)}`)
    .join(", ");
  const values = join(s.fields.map((f) => row[f]));
  return sql`INSERT INTO ${raw(s.table)} (${raw(s.fields.map(col).join(", "))}) VALUES (${values}) ON CONFLICT (${raw(s.key.map(col).join(", "))}) DO UPDATE SET ${raw(set)}`;
}

/** Insert `row`; a row with the same key already there is an error (for records that are never replaced). */
export function insertSql<R>(s: RowSpec<R>, row: R): Sql {
  const cols = s.fields.map((f) => `"${column(f)}"`).join(", ");
  return sql`INSERT INTO ${raw(s.table)} (${raw(cols)}) VALUES (${join(s.fields.map((f) => row[f]))})`;
}

export const COMMUNITY = spec<CommunityRow>(
  "communities",
  ["id"],
  { id: true, name: true, settings: true, createdAt: true, inactiveSince: true },
  ["createdAt", "inactiveSince"],
);

/** Read on every platform event of an OAuth-installed workspace (which token to use), so it is a hot read too. */
export const INSTALLATION = spec<InstallationRow>(
  "installations",
  ["id"],
  {
    id: true,
    platform: true,
    teamId: true,
    enterpriseId: true,
    installerId: true,
    botUserId: true,
    scopes: true,
    tokenExpiresAt: true,
    sealed: true,
    installedAt: true,
    updatedAt: true,
  },
  ["tokenExpiresAt", "installedAt", "updatedAt"],
);

/** Read on every dashboard request (the session behind the cookie). */
export const DASHBOARD_GRANT = spec<DashboardGrantRow>(
  "dashboard_grants",
  ["hash"],
  {
    hash: true,
    kind: true,
    communityId: true,
    memberId: true,
    platformAdmin: true,
    roles: true,
    createdAt: true,
    expiresAt: true,
    usedAt: true,
  },
  ["createdAt", "expiresAt", "usedAt"],
  ["platformAdmin"],
);

export const PEER_PROFILE = spec<PeerProfileRow>(
  "peer_profiles",
  ["communityId", "memberId"],
  {
    communityId: true,
    memberId: true,
    active: true,
    skipRoundAt: true,
    ignoredInARow: true,
    group: true,
    tags: true,
    createdAt: true,
    updatedAt: true,
  },
  ["skipRoundAt", "createdAt", "updatedAt"],
  ["active"],
);

export const PEER_ROUND = spec<PeerRoundRow>("peer_rounds", ["id"], { id: true, communityId: true, at: true, status: true, counts: true }, [
  "at",
]);

export const PEER_GROUP = spec<PeerGroupRow>(
  "peer_groups",
  ["id"],
  {
    id: true,
    communityId: true,
    roundId: true,
    memberIds: true,
    score: true,
    proposedSlots: true,
    slot: true,
    reports: true,
    status: true,
    createdAt: true,
    updatedAt: true,
  },
  ["createdAt", "updatedAt"],
);

export const MEMBER = spec<MemberRow>(
  "members",
  ["communityId", "id"],
  {
    communityId: true,
    id: true,
    displayName: true,
    timeZone: true,
    timeZoneConfirmed: true,
    status: true,
    pausedUntil: true,
    blocked: true,
    availability: true,
    forgotten: true,
    celebrate: true,
    createdAt: true,
  },
  ["pausedUntil", "createdAt"],
  ["timeZoneConfirmed", "forgotten", "celebrate"],
);

export const SEEKER = spec<SeekerRow>(
  "seeker_profiles",
  ["communityId", "memberId"],
  { communityId: true, memberId: true, interests: true, learn: true, intro: true, updatedAt: true },
  ["updatedAt"],
);

export const VOLUNTEER = spec<VolunteerRow>(
  "volunteer_profiles",
  ["communityId", "memberId"],
  {
    communityId: true,
    memberId: true,
    expertise: true,
    bio: true,
    capacityPerMonth: true,
    formats: true,
    meetingLink: true,
    active: true,
    updatedAt: true,
  },
  ["updatedAt"],
  ["active"],
);

export const REQUEST = spec<RequestRow>(
  "chat_requests",
  ["communityId", "id"],
  {
    communityId: true,
    id: true,
    seekerId: true,
    tags: true,
    goals: true,
    status: true,
    tried: true,
    suggestions: true,
    referredBy: true,
    createdAt: true,
    updatedAt: true,
    waitlistedAt: true,
  },
  ["createdAt", "updatedAt", "waitlistedAt"],
);

export const INTRO = spec<IntroRow>(
  "intros",
  ["communityId", "id"],
  {
    communityId: true,
    id: true,
    requestId: true,
    seekerId: true,
    volunteerId: true,
    status: true,
    reasons: true,
    offeredAt: true,
    deadline: true,
    respondedAt: true,
    declineReason: true,
  },
  ["offeredAt", "deadline", "respondedAt"],
);

export const CHAT = spec<ChatRow>(
  "chats",
  ["communityId", "id"],
  {
    communityId: true,
    id: true,
    requestId: true,
    introId: true,
    seekerId: true,
    volunteerId: true,
    status: true,
    minutes: true,
    format: true,
    proposedSlots: true,
    slot: true,
    reschedules: true,
    cancelledBy: true,
    outcomeAt: true,
    reports: true,
    invite: true,
    bookedAt: true,
    createdAt: true,
    updatedAt: true,
  },
  ["outcomeAt", "bookedAt", "createdAt", "updatedAt"],
);

export const FEEDBACK = spec<FeedbackRow>(
  "feedback",
  ["communityId", "id"],
  { communityId: true, id: true, chatId: true, fromId: true, aboutId: true, rating: true, note: true, createdAt: true },
  ["createdAt"],
);

export const NUDGE = spec<NudgeRow>(
  "nudges",
  ["id"],
  {
    id: true,
    communityId: true,
    key: true,
    recipient1: true,
    recipient2: true,
    recipient3: true,
    kind: true,
    refId: true,
    dueAt: true,
    notice: true,
    status: true,
    attempts: true,
    lastError: true,
    leaseOwner: true,
    leaseUntil: true,
    sentAt: true,
    createdAt: true,
  },
  ["dueAt", "leaseUntil", "sentAt", "createdAt"],
);

/** A raw row (either engine) as the Prisma row type: dates and booleans converted, the rest as read. */
export function rowOf<R>(s: RowSpec<R>, r: Record<string, unknown>): R {
  const out: Record<string, unknown> = { ...r };
  for (const f of s.dates) {
    const v = out[f];
    if (v !== null && v !== undefined && !(v instanceof Date)) out[f] = new Date(v as string | number);
  }
  for (const f of s.bools) {
    const v = out[f];
    if (typeof v !== "boolean") out[f] = v === 1 || v === 1n || v === "1" || v === "true";
  }
  return out as R;
}

/** `"column" IN (…values)`; `values` must not be empty. */
export const inList = (col: string, values: readonly string[]): Sql => sql`${raw(`"${col}"`)} IN (${join([...values])})`;
