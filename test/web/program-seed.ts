import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handle } from "../../src/app/handle.js";
import { parseText } from "../../src/core/commands/index.js";
import type { Actor, Deps } from "../../src/core/use-cases/index.js";
import { communityInstalled, deliverDue, expireIntros } from "../../src/core/use-cases/index.js";
import { openStore } from "../../src/store/index.js";
import { shellStyle } from "../../src/text/index.js";
import { RecordingMessenger, TestClock } from "../support/world.js";
import { sequentialIds } from "../../src/runtime.js";
import { silentLogger, type Store } from "../../src/core/ports/index.js";

/**
 * A programme with known answers for the dashboard's browser tests, built the way members
 * build one: lines typed through the shared adapter path (`handle`) into the real use cases, on
 * a real SQLite file, while a test clock moves across six weeks. The expected weekly funnel
 * below is worked out by hand from the script (it is the oracle); `seedProgramme` checks the
 * few facts the script cannot fix in advance (when the proposed slots fall) and throws if they
 * moved, rather than letting the oracle drift silently.
 *
 * Weeks start on Monday, UTC. Each event counts in the week it happened: a request when it was
 * made, an intro when it was offered, an acceptance when the volunteer accepted, a booking when
 * the slot was picked (bookedAt), a chat held at its slot's start, a thank-you when it was sent.
 */

/** Community A: the one whose admin signs in. */
export const A = { id: "shell:northwind", name: "Northwind Design Circle", admin: "ada" } as const;
/** Community B: its own admin and data, never reachable from A's session. */
export const B = { id: "shell:harbour", name: "Harbour Data Guild", admin: "bo" } as const;

/** Monday 12 October 2026, 07:00 UTC: the programme starts (week 1). */
export const START = new Date("2026-10-12T07:00:00Z");
/** Monday 23 November 2026, 10:00 UTC: when the tests look (week 7 has just begun, nothing in it yet). */
export const NOW = new Date("2026-11-23T10:00:00Z");

/** One week of the funnel, as the overview should show it for community A. */
export interface ExpectedWeek {
  /** The week's Monday, YYYY-MM-DD (UTC). */
  week: string;
  requests: number;
  intros: number;
  accepted: number;
  booked: number;
  happened: number;
  thanked: number;
}

/**
 * The oracle, by hand from the script in `seedProgramme` (community A only):
 * - week 1 (Oct 12): sam, tia and uma ask (3 requests), each choosing a volunteer (3 intros);
 *   vera accepts sam and omar accepts tia (2 accepted), both pick a time (2 booked); vera declines
 *   uma, and the core offers uma to omar at once (a 4th intro), who never answers (it expires on
 *   Saturday 17: uma waits from then on). sam's and tia's chats are held on Thursday 15: sam's
 *   happened (1), tia reports a no-show (not "happened"; she is back in the queue); sam thanks
 *   vera (1 thank-you).
 * - week 2 (Oct 19): raj asks and chooses vera (1, 1), she accepts (1), he picks a time on
 *   Friday (1 booked) for Monday 26: held in week 3, not week 2.
 * - week 3 (Oct 26): raj's chat happens (1) and he thanks vera (1); ned asks and chooses omar
 *   (1, 1), omar accepts (1), ned books (1), the chat is held Thursday 29 (happened: 2 this week).
 * - week 4 (Nov 2): kim asks for rust, which nobody offers: waitlisted (1 request, no intro).
 * - week 5 (Nov 9): pia asks, chooses omar, accepted, booked, held on Thursday 12, thanks:
 *   1 of each.
 * - week 6 (Nov 16): nothing happens.
 * 30d (since Oct 24 10:00) drops weeks 1 and 2; 12w, 6m, 1y and all show every week.
 */
export const EXPECTED_WEEKS: readonly ExpectedWeek[] = [
  { week: "2026-10-12", requests: 3, intros: 4, accepted: 2, booked: 2, happened: 1, thanked: 1 },
  { week: "2026-10-19", requests: 1, intros: 1, accepted: 1, booked: 1, happened: 0, thanked: 0 },
  { week: "2026-10-26", requests: 1, intros: 1, accepted: 1, booked: 1, happened: 2, thanked: 1 },
  { week: "2026-11-02", requests: 1, intros: 0, accepted: 0, booked: 0, happened: 0, thanked: 0 },
  { week: "2026-11-09", requests: 1, intros: 1, accepted: 1, booked: 1, happened: 1, thanked: 1 },
  { week: "2026-11-16", requests: 0, intros: 0, accepted: 0, booked: 0, happened: 0, thanked: 0 },
];

/** Totals over the weeks a period covers. */
export function totals(weeks: readonly ExpectedWeek[]): Omit<ExpectedWeek, "week"> {
  const t = { requests: 0, intros: 0, accepted: 0, booked: 0, happened: 0, thanked: 0 };
  for (const w of weeks) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += w[k];
  return t;
}

/** The weeks a 30-day period ending at NOW covers (from Saturday 24 October): weeks 3 to 6. */
export const EXPECTED_30D = EXPECTED_WEEKS.filter((w) => w.week >= "2026-10-26");

/** What else the pages should show for A. */
export const EXPECTED = {
  /** Waiting at NOW: uma (declined by vera, then omar's intro expired), tia (back after her no-show), kim (rust, the newest). */
  waiting: ["uma", "tia", "kim"],
  /** kim's request for a topic no volunteer offers. */
  waitlistedTopic: "rust",
  /** The no-show: tia's chat with omar, reported by tia (the seeker). */
  noShow: { seeker: "tia", volunteer: "omar", reportedBy: "tia" },
  /** A private note only the notes toggle shows. */
  note: "Vera was generous with her time",
  /** B's only seeker: never on A's pages. */
  otherCommunitySeeker: "gunnhild",
} as const;

export interface Programme {
  store: Store;
  clock: TestClock;
  deps: Deps;
  /** The SQLite file's URL (file:…). */
  url: string;
  /** The actor a member of a community acts as (admins carry the platform's admin flag). */
  actor(community: { id: string; admin: string }, name: string): Actor;
  /** A member's id in a community. */
  memberId(community: { id: string }, name: string): string;
  /** Closes the store and removes the temporary folder. */
  close(): Promise<void>;
}

const at = (iso: string): Date => new Date(`${iso}Z`);

/** Builds the programme on a fresh SQLite file, leaves the clock at NOW. */
export async function seedProgramme(): Promise<Programme> {
  const dir = mkdtempSync(join(tmpdir(), "percolate-dashboard-"));
  const url = `file:${join(dir, "dashboard.db")}`;
  const store = await openStore(url);
  const clock = new TestClock(START.getTime());
  const deps: Deps = { store, clock, ids: sequentialIds(), log: silentLogger };
  const messenger = new RecordingMessenger();

  const memberId = (c: { id: string }, name: string) => `${c.id}:${name}`;
  const actor = (c: { id: string; admin: string }, name: string): Actor => ({
    communityId: c.id,
    memberId: memberId(c, name),
    displayName: name,
    timeZone: "Europe/Berlin",
    ...(name === c.admin ? { platformAdmin: true } : {}),
  });
  /** The scheduler's minute tick, without the batch matcher: who meets whom is the script's choice. */
  const tick = async () => {
    await expireIntros(deps);
    for (;;) if ((await deliverDue(deps, messenger, { owner: "seed" })).claimed === 0) break;
  };
  const when = async (iso: string) => {
    const t = at(iso);
    if (t.getTime() < clock.now().getTime()) throw new Error(`the seed goes back in time to ${iso}`);
    clock.set(t);
    await tick();
  };
  const say = async (c: typeof A | typeof B, name: string, line: string, expect?: RegExp): Promise<string> => {
    const parsed = parseText(line, (w) => (/^@?[a-z][a-z0-9_-]{0,30}$/i.test(w) ? memberId(c, w.replace(/^@/, "")) : null));
    const view = await handle(deps, actor(c, name), parsed, shellStyle);
    await tick();
    if (expect && !expect.test(view.text)) throw new Error(`seed: ${name} typed "${line}" and read: ${view.text}`);
    return view.text;
  };
  /**
   * `seeker` picks the first proposed time on `day` (YYYY-MM-DD, UTC): where each chat falls is
   * part of the oracle, so the seed chooses it rather than taking whatever comes first.
   */
  const pickOn = async (c: typeof A | typeof B, seeker: string, day: string): Promise<Date> => {
    const chats = await store.tx((tx) => tx.listChats(c.id));
    const chat = chats.filter((x) => x.seekerId === memberId(c, seeker)).at(-1);
    const n = (chat?.proposedSlots ?? []).findIndex((s) => s.start.toISOString().slice(0, 10) === day);
    const slot = chat?.proposedSlots[n];
    if (!slot) {
      const offered = (chat?.proposedSlots ?? []).map((s) => s.start.toISOString()).join(", ");
      throw new Error(`seed: no time on ${day} was offered to ${seeker} (offered: ${offered || "none"})`);
    }
    await say(c, seeker, `pick ${n + 1}`, /Booked/);
    return slot.start;
  };
  /** Two hours after a chat's start: its end has passed, the outcome can be told. */
  const after = (start: Date) => new Date(start.getTime() + 2 * 3600_000).toISOString().slice(0, 19);

  await communityInstalled(deps, { communityId: A.id, name: A.name });
  await communityInstalled(deps, { communityId: B.id, name: B.name });

  // Monday 12 October: volunteers and seekers set up (not counted in the funnel).
  const avail = "availability mon-fri 09:00-17:00 Europe/Berlin";
  await say(A, "ada", "status");
  for (const v of ["vera", "omar"]) {
    await say(A, v, "volunteer ux design --cap 8 --bio Design lead");
    await say(A, v, avail);
  }
  for (const s of ["sam", "tia", "uma", "raj", "ned", "kim", "pia"]) await say(A, s, avail);
  await say(B, "bo", "status");
  await say(B, "dagny", "volunteer python --cap 4 --bio Data engineer");
  await say(B, "dagny", avail);
  await say(B, "gunnhild", avail);

  // Week 1.
  await when("2026-10-13T08:00:00");
  await say(A, "sam", "request ux design -- how to move into UX research");
  await say(A, "sam", "choose vera");
  await say(A, "tia", "request ux design -- how to build a portfolio");
  await say(A, "tia", "choose omar");
  await say(A, "uma", "request ux design -- how designers work with engineers");
  await say(A, "uma", "choose vera");
  await when("2026-10-13T10:00:00");
  await say(A, "vera", "accept sam");
  await say(A, "omar", "accept tia");
  await when("2026-10-14T08:00:00");
  const samChat = await pickOn(A, "sam", "2026-10-15");
  await pickOn(A, "tia", "2026-10-15");
  await say(A, "vera", "decline uma away this month");
  await when(after(samChat));
  await say(A, "sam", "happened");
  await say(A, "sam", "thanks Your advice on research portfolios helped a lot");
  await say(A, "sam", `feedback 5 ${EXPECTED.note}`);
  await say(A, "vera", "feedback 4 Sam came well prepared");
  await say(A, "tia", "noshow");

  // Week 2.
  await when("2026-10-20T08:00:00");
  await say(A, "raj", "request ux design -- how to run usability tests");
  await say(A, "raj", "choose vera");
  await when("2026-10-22T10:00:00");
  await say(A, "vera", "accept raj");
  await when("2026-10-23T08:00:00");
  const rajChat = await pickOn(A, "raj", "2026-10-26");

  // Week 3.
  await when(after(rajChat));
  await say(A, "raj", "happened");
  await say(A, "raj", "thanks The usability checklist was just what I needed");
  await when("2026-10-27T08:00:00");
  await say(A, "ned", "request ux design -- how to price freelance work");
  await say(A, "ned", "choose omar");
  await when("2026-10-27T10:00:00");
  await say(A, "omar", "accept ned");
  await when("2026-10-28T08:00:00");
  const nedChat = await pickOn(A, "ned", "2026-10-29");
  await when(after(nedChat));
  await say(A, "ned", "happened");

  // Week 4.
  await when("2026-11-03T08:00:00");
  await say(A, "kim", "request rust -- how to get started with embedded Rust");

  // Week 5, and B's own programme.
  await when("2026-11-10T08:00:00");
  await say(A, "pia", "request ux design -- how to present a case study");
  await say(A, "pia", "choose omar");
  await say(B, "gunnhild", "request python -- how to test data pipelines");
  await say(B, "gunnhild", "choose dagny");
  await when("2026-11-10T10:00:00");
  await say(A, "omar", "accept pia");
  await say(B, "dagny", "accept gunnhild");
  await when("2026-11-11T08:00:00");
  const piaChat = await pickOn(A, "pia", "2026-11-12");
  await pickOn(B, "gunnhild", "2026-11-12");
  await when(after(piaChat));
  await say(A, "pia", "happened");
  await say(A, "pia", "thanks Thank you for the honest review of my case study");

  // Week 6: quiet. The tests look on Monday of week 7.
  await when(NOW.toISOString().slice(0, 19));

  return {
    store,
    clock,
    deps,
    url,
    actor,
    memberId,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
