import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../core/ports/index.js";
import { openStore } from "../store/index.js";
import { sequentialIds } from "../runtime.js";
import { memberName, ShiftableClock, SHELL_COMMUNITY } from "./platform.js";
import { ShellSession } from "./session.js";

/** Monday 23 November 2026, 08:00 UTC: a fixed start so the demo reads the same every time. */
const START = Date.UTC(2026, 10, 23, 8, 0);

/**
 * A scripted walk through the whole life of a request, on a throwaway SQLite database:
 * two volunteers sign up, a seeker who never set free times asks (she is matched in her
 * waking hours), the first volunteer declines, the second accepts, they pick a time, the chat
 * happens, and the follow-up runs to the keep-in-touch nudge. Then a seeker whose topic has
 * no volunteer is told why and looked after on the waitlist, and a no-show is disputed.
 */
async function demo(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "percolate-demo-"));
  const store = await openStore(`file:${join(dir, "demo.db")}`);
  const clock = new ShiftableClock(() => START);
  const write = (text: string) => process.stdout.write(`${text}\n`);
  const session = new ShellSession({ store, clock, ids: sequentialIds(), log: silentLogger }, clock, write);
  const run = async (line: string) => {
    write(`\n${session.who}> ${line}`);
    await session.handle(line);
  };
  const lastIntroTo = (): string => {
    const offers = session.messenger.sent.filter((d) => d.notice.kind === "intro_offered");
    const to = offers[offers.length - 1]?.to[0]?.id;
    if (!to) throw new Error("the demo expected an intro to have gone out");
    return memberName(to);
  };
  /** The `clock` step that lands two hours after the newest booked chat ends: past its "did it happen?". */
  const untilAfterChat = async (): Promise<string> => {
    const chats = await store.tx((tx) => tx.listChats(SHELL_COMMUNITY, { status: ["scheduled"] }));
    const end = Math.max(...chats.map((c) => c.slot?.end.getTime() ?? 0));
    return `clock +${Math.ceil((end + 2 * 3_600_000 - clock.now().getTime()) / 60_000)}m`;
  };
  try {
    write("# Two volunteers sign up");
    await run("as carol");
    await run("volunteer ux research, product design --cap 2 --bio Design lead at a fintech; ex-support agent");
    await run("availability mon-fri 09:00-17:00 Europe/Berlin");
    await run("as dave");
    await run("volunteer ux research, user interviews --cap 3 --link https://meet.example.org/dave --bio Researcher, 8 years in SaaS");
    await run("availability mon-thu 10-14 America/New_York");
    write("\n# A seeker asks for a chat; she never set free times, so she is matched in her waking hours");
    await run("as alice");
    await run("profile ux research, ux -- how people move from support into UX research");
    await run("request ux research -- how to move from customer support into UX research; which skills to build first");
    await run("choose 1");
    const first = lastIntroTo();
    write(`\n# ${first} can't make it and declines; the next candidate is offered automatically`);
    await run(`as ${first}`);
    await run("decline travelling this month");
    const second = lastIntroTo();
    await run(`as ${second}`);
    await run("accept");
    await run("as alice");
    await run("pick 2");
    await run("status");
    write("\n# Time passes: the prep note, the reminder, then the check-in");
    await run("clock +2d");
    await run("clock +10h");
    write("\n# The chat happened");
    await run("happened");
    await run(`as ${second}`);
    await run(`refer ${first}`);
    await run("feedback 5 Thoughtful questions, well prepared");
    await run("as alice");
    await run("clock +3h");
    await run("feedback 5 Really generous with time");
    await run("clock +30d");
    write("\n# Nobody volunteers for his topic: frank is told why, and the waitlist looks after him");
    await run("as frank");
    await run("request kubernetes -- how platform teams run on-call");
    await run("clock +8d");
    write("\n# A chat where the two disagree about whether it happened");
    await run("as erin");
    await run("request user interviews -- how to recruit participants on a budget");
    await run("choose 1");
    await run(`as ${lastIntroTo()}`);
    await run("accept");
    await run("as erin");
    await run("pick 1");
    await run(await untilAfterChat());
    await run("noshow");
    await run("as dave");
    await run("happened");
    await run("as carol --admin");
    await run("admin queue");
    await run("admin stats 30d");
    write("\n# Every follow-up nudge, from the outbox");
    const nudges = await store.tx((tx) => tx.listNudges(SHELL_COMMUNITY, {}));
    for (const n of nudges) {
      write(
        `   ${n.dueAt.toISOString().slice(0, 16).replace("T", " ")}  ${n.kind.padEnd(18)} to ${n.to.map(memberName).join(" + ").padEnd(14)} ${n.status}`,
      );
    }
    const unsent = nudges.filter((n) => n.status === "pending" && n.dueAt.getTime() <= clock.now().getTime());
    if (unsent.length > 0) throw new Error(`${unsent.length} due nudges were not delivered`);
    write(
      `\nDemo finished: ${session.messenger.sent.length} messages delivered, ${nudges.filter((n) => n.status === "sent").length} nudges sent.`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

demo().catch((e: unknown) => {
  process.stderr.write(`Demo failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
