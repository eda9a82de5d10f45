import { handle } from "../app/handle.js";
import { normalizeTyped, parseText } from "../core/commands/index.js";
import { parseDuration } from "../core/time/index.js";
import {
  deliverDue,
  expireIntros,
  matchQueue,
  nextPostMoment,
  nextRoundFor,
  postDueProgramPost,
  runRound,
  tendWaitlist,
  type Deps,
} from "../core/use-cases/index.js";
import { ShellMessenger } from "./messenger.js";
import { ShellProgramChannel } from "./program-channel.js";
import { memberId, SHELL_COMMUNITY, type ShiftableClock } from "./platform.js";
import { renderExportNotSaved, shellStyle } from "../text/index.js";
import { saveExport } from "./export-files.js";

/** Who administers the shell community, and where exports go. */
export interface ShellOptions {
  /** Names that act as platform admins (the shell's "flag"); the first member to act is one too. */
  admins?: readonly string[];
  /** Folder under which `admin export` without a path writes `<timestamp>/`; `./data/exports` by default. */
  exportRoot?: string;
}

/**
 * One terminal session: a person acts as any member of the shell community, types the same
 * commands the chat platforms offer, and sees every message each member receives.
 */
export class ShellSession {
  private current = "alice";
  readonly messenger: ShellMessenger;
  /** The ports, with the shell's program channel (it prints the front door) unless one was given. */
  private readonly deps: Deps;

  constructor(
    deps: Deps,
    private readonly clock: ShiftableClock,
    private readonly write: (text: string) => void,
    private readonly timeZone = "UTC",
    private readonly options: ShellOptions = {},
  ) {
    this.messenger = new ShellMessenger(write);
    this.deps = deps.programChannel ? deps : { ...deps, programChannel: new ShellProgramChannel(write) };
    for (const name of options.admins ?? []) this.admins.add(name.toLowerCase());
  }

  private readonly admins = new Set<string>();

  get who(): string {
    return this.current;
  }

  /** Runs one line of input. Returns false when the person asked to quit. */
  async handle(line: string): Promise<boolean> {
    const typed = normalizeTyped(line).trim();
    if (typed === "" || typed.startsWith("#")) return true;
    // People used to Slack type the slash command here too: `/coffee status` is `status`.
    const text = typed.replace(/^\/coffee(?:\s+|$)/i, "");
    const [word = "", ...rest] = text.split(/\s+/);
    switch (word.toLowerCase()) {
      case "quit":
      case "exit":
        return false;
      case "as": {
        const name = rest[0]?.toLowerCase().replace(/^@/, "");
        if (!name || !/^[a-z][a-z0-9_-]{0,30}$/.test(name))
          this.write('Usage: as <name> [--admin], e.g. "as bob" (letters, digits, - or _).');
        else {
          this.current = name;
          // `--admin` plays the platform saying "this person administers the community".
          if (rest.slice(1).includes("--admin")) this.admins.add(name);
          this.write(`You are now ${name}${this.admins.has(name) ? " (admin)" : ""}.`);
        }
        return true;
      }
      case "whoami":
        this.write(`You are ${this.current} (${memberId(this.current)}), at ${this.clock.now().toISOString()}.`);
        return true;
      case "clock": {
        const ms = parseDuration(rest.join(""));
        if (ms === null) this.write("Usage: clock +3d (also +2h, +30m, +1w)");
        else {
          this.write(`🕒 It is now ${new Date(this.clock.now().getTime() + ms).toISOString()}.`);
          await this.advance(ms);
        }
        return true;
      }
    }
    const parsed = parseText(text, (w) => (/^@?[a-z][a-z0-9_-]{0,30}$/i.test(w) ? memberId(w.replace(/^@/, "")) : null));
    const actor = {
      communityId: SHELL_COMMUNITY,
      memberId: memberId(this.current),
      displayName: this.current,
      timeZone: this.timeZone,
      platformAdmin: await this.isPlatformAdmin(),
    };
    const view = await handle(this.deps, actor, parsed, shellStyle);
    const reply = view.reply;
    if (reply?.kind === "admin_export" && reply.result.ok) {
      // The files are written first, so "Exported" is only said of files that exist.
      const saved = saveExport(reply.result.value.files, this.clock.now(), reply.path, this.options.exportRoot);
      if (!saved.ok) this.write(renderExportNotSaved(saved.folder, saved.code));
      else this.write([view.text, "Saved to:", ...saved.paths.map((p) => `   ${p}`)].join("\n"));
    } else this.write(view.text);
    if (parsed.kind !== "unsupported") await this.tick();
    return true;
  }

  /**
   * The shell's platform fact: named admins (`--admin`, options) and the community's first
   * member — the person who set it up — administer it. The rule itself is the core's.
   */
  private async isPlatformAdmin(): Promise<boolean> {
    if (this.admins.has(this.current)) return true;
    const first = await this.deps.store.tx(async (tx) => (await tx.listMembers(SHELL_COMMUNITY))[0]);
    return first === undefined || first.id === memberId(this.current);
  }

  /**
   * Moves simulated time forward the way the real scheduler lives through it: stopping at each
   * moment something falls due on the way (a nudge, an intro's deadline) and ticking there, so
   * a day-before prep note arrives the day before, not late beside the check-in.
   */
  private async advance(ms: number): Promise<void> {
    const target = this.clock.now().getTime() + ms;
    for (let stops = 0; stops < 10_000; stops++) {
      const now = this.clock.now().getTime();
      const next = await this.nextMoment(now, target);
      if (next === null) break;
      this.clock.advance(next - now);
      await this.tick();
    }
    this.clock.advance(target - this.clock.now().getTime());
    await this.tick();
  }

  /** The earliest moment after `now` and before `target` when a pending nudge, an intro's deadline, a peer round or the weekly post falls due. */
  private async nextMoment(now: number, target: number): Promise<number | null> {
    const { nudges, intros, community } = await this.deps.store.tx(async (tx) => ({
      nudges: await tx.listNudges(SHELL_COMMUNITY, { status: ["pending"] }),
      intros: await tx.listIntros(SHELL_COMMUNITY, { status: ["pending"] }),
      community: await tx.getCommunity(SHELL_COMMUNITY),
    }));
    const round = await nextRoundFor(this.deps, SHELL_COMMUNITY);
    const post = community ? nextPostMoment(community.settings, new Date(now)) : null;
    const times = [
      ...nudges.map((n) => n.dueAt.getTime()),
      ...intros.map((i) => i.deadline.getTime()),
      ...(round ? [round.getTime()] : []),
      ...(post ? [post.getTime()] : []),
    ].filter((t) => t > now && t < target);
    return times.length ? Math.min(...times) : null;
  }

  /** What the scheduler does each minute: expire stale intros, match the queue, run a due peer round, post the weekly post, send due messages. */
  async tick(): Promise<void> {
    await expireIntros(this.deps);
    await matchQueue(this.deps, { communityId: SHELL_COMMUNITY });
    await runRound(this.deps, { communityId: SHELL_COMMUNITY });
    await tendWaitlist(this.deps, { communityId: SHELL_COMMUNITY });
    // The weekly post, when its moment has come (claimed, so it prints once).
    await postDueProgramPost(this.deps, SHELL_COMMUNITY);
    for (;;) {
      const r = await deliverDue(this.deps, this.messenger, { owner: "shell" });
      if (r.claimed === 0) break;
    }
  }
}
