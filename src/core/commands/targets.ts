import type { PersonRef, Slot } from "../domain/index.js";
import { getStatus } from "../use-cases/get-status.js";
import type { Actor, Deps, StatusValue } from "../use-cases/index.js";
import type { ButtonCommand } from "./schema.js";

/** The commands that can name their target, and so may need to ask "which one?". */
export type NamedCommand = "accept" | "decline" | "pick" | "choose" | "cancel" | "unblock";

/** One thing a command could act on: the person it is with, and the button that acts on it. */
export interface WhichOption {
  /** The other person: the seeker of an intro, the other side of a chat, a suggested volunteer. */
  person: PersonRef;
  /** What the request or intro is about, when there is one. */
  goals?: string;
  /** The chat's booked time, or for `pick` the time that number stands for. */
  slot?: Slot;
  /** The same command, aimed at this option by id (none where no button applies). */
  command?: ButtonCommand;
}

/**
 * "Which one?": a command that could act on several things, or named someone who matched
 * none or several. Nothing was done; the options are in the order `status` lists them.
 */
export interface WhichValue {
  command: NamedCommand;
  /** `several`: no name given; `no_match` / `ambiguous`: the name given matched none / more than one. */
  problem: "several" | "no_match" | "ambiguous";
  given?: string;
  /** `pick`: the number asked for; `decline`: the reason, kept for the answer. */
  choice?: number;
  reason?: string;
  options: WhichOption[];
}

/** Resolved to one id (with what is left of the words), nothing to act on, or a question back. */
export type Target = { kind: "one"; id: string; rest?: string } | { kind: "none" } | { kind: "which"; which: WhichValue };

/**
 * Options whose person `typed` names: the option's id or person id exactly, else a display name
 * equal to it (case-insensitive), else display names that start with it. Empty when none.
 */
export function matchName<T extends { person: PersonRef; id?: string }>(options: readonly T[], typed: string): T[] {
  const t = typed.trim().toLowerCase().replace(/^@/, "");
  if (!t) return [];
  const byId = options.filter((o) => o.id?.toLowerCase() === t || o.person.id.toLowerCase() === t);
  if (byId.length) return byId;
  const names = (o: T) => {
    const full = o.person.name.toLowerCase();
    return [full, full.split(/\s+/)[0] ?? full];
  };
  const exact = options.filter((o) => names(o).includes(t));
  if (exact.length) return exact;
  return options.filter((o) => (names(o)[0] ?? "").startsWith(t));
}

/** Picks one of `options` by `name` (or the only one); otherwise the question to ask. */
function choose<T extends WhichOption & { id: string }>(
  options: readonly T[],
  name: string | undefined,
  base: Omit<WhichValue, "problem" | "options" | "given">,
): Target {
  if (name === undefined || name.trim() === "") {
    if (options.length === 0) return { kind: "none" };
    if (options.length === 1) return { kind: "one", id: (options[0] as T).id };
    return { kind: "which", which: { ...base, problem: "several", options: options.map(strip) } };
  }
  const found = matchName(options, name);
  if (found.length === 1) return { kind: "one", id: (found[0] as T).id };
  if (options.length === 0) return { kind: "none" };
  return {
    kind: "which",
    which: {
      ...base,
      problem: found.length ? "ambiguous" : "no_match",
      given: name.trim(),
      options: (found.length ? found : options).map(strip),
    },
  };
}

const strip = <T extends WhichOption & { id: string }>({ id: _id, ...o }: T): WhichOption => o;

/** Intros waiting for this volunteer's answer, oldest first (as status lists them). */
function introOptions(s: StatusValue, reason?: string) {
  return s.introsToAnswer.map((i) => {
    return {
      id: i.id,
      person: i.seeker,
      ...(i.goals ? { goals: i.goals } : {}),
      command: reason ? { kind: "decline" as const, introId: i.id, reason } : { kind: "accept" as const, introId: i.id },
    };
  });
}

/** Status, once per command. */
export async function statusOf(deps: Deps, actor: Actor): Promise<StatusValue | null> {
  const r = await getStatus(deps, { actor });
  return r.ok ? r.value : null;
}

/** `accept [name]`: the intro to accept. */
export function acceptTarget(s: StatusValue, name?: string): Target {
  return choose(introOptions(s), name, { command: "accept" });
}

/**
 * `decline [name] [reason]`. A name given on its own must match; with none, the leading words
 * of the reason that name a waiting seeker pick the intro and the rest is the reason.
 */
export function declineTarget(s: StatusValue, name: string | undefined, reason: string | undefined): Target {
  const options = (why?: string) =>
    introOptions(s, why).map((o) => ({ ...o, command: { kind: "decline" as const, introId: o.id, ...(why ? { reason: why } : {}) } }));
  if (name !== undefined) return choose(options(reason), name, { command: "decline", ...(reason ? { reason } : {}) });
  const words = (reason ?? "").trim().split(/\s+/).filter(Boolean);
  const all = options();
  for (let k = Math.min(words.length, 3); k >= 1; k--) {
    const found = matchName(all, words.slice(0, k).join(" "));
    if (found.length === 1 && found[0]) {
      const rest = words.slice(k).join(" ");
      return { kind: "one", id: found[0].id, ...(rest ? { rest } : {}) };
    }
  }
  const t = choose(options(reason), undefined, { command: "decline", ...(reason ? { reason } : {}) });
  return t.kind === "one" && reason ? { ...t, rest: reason } : t;
}

/** `pick <n> [with name]`: the chat waiting for a time. */
export function pickTarget(s: StatusValue, choice: number, name?: string): Target {
  const options = s.chats
    .filter((c) => c.status === "proposing")
    .map((c) => {
      const slot = c.proposedSlots[choice - 1];
      return {
        id: c.id,
        person: c.other,
        ...(slot ? { slot } : {}),
        command: { kind: "pick" as const, chatId: c.id, choice },
      };
    });
  return choose(options, name, { command: "pick", choice });
}

/**
 * Requests waiting for the seeker's choice, oldest first; else ones already offered (for a clear
 * answer). `about` narrows them to those whose goals or topics contain those words.
 */
function choosable(s: StatusValue, about?: string) {
  const open = s.requests.filter((r) => r.status === "open" || r.status === "waitlisted");
  const all = open.length ? open : s.requests.filter((r) => r.status === "offered");
  const words = about?.toLowerCase().trim();
  if (!words) return all;
  const fits = all.filter((r) => r.goals.toLowerCase().includes(words) || r.tags.some((t) => t.includes(words.replace(/\s+/g, "-"))));
  return fits.length ? fits : all;
}

/**
 * `choose <n>` / `choose auto`: the request it applies to. With several requests waiting, the
 * options are the n-th suggestion of each (for auto, each request's first).
 */
export function chooseNumberTarget(s: StatusValue, pick: number | "auto", about?: string): Target {
  const requests = choosable(s, about);
  const n = pick === "auto" ? 1 : pick;
  if (requests.length <= 1) return requests[0] ? { kind: "one", id: requests[0].id } : { kind: "none" };
  const options = requests.flatMap((r) => {
    const sg = r.suggestions[n - 1];
    const person = sg ? s.people[sg.volunteerId] : undefined;
    return person ? [{ id: r.id, person, goals: r.goals, command: { kind: "choose" as const, requestId: r.id, pick } }] : [];
  });
  if (options.length === 1 && options[0]) return { kind: "one", id: options[0].id };
  if (options.length === 0) return { kind: "one", id: (requests[requests.length - 1] ?? requests[0])?.id ?? "" };
  return {
    kind: "which",
    which: { command: "choose", problem: "several", ...(pick === "auto" ? {} : { choice: pick }), options: options.map(strip) },
  };
}

/** `choose <name>`: a suggested volunteer, across the requests waiting for a choice. Resolves to `requestId|volunteerId`. */
export function chooseNameTarget(s: StatusValue, name: string, memberId?: string, about?: string): Target {
  const options = choosable(s, about).flatMap((r) =>
    r.suggestions.flatMap((sg, i) => {
      const person = s.people[sg.volunteerId];
      return person
        ? [{ id: `${r.id}|${sg.volunteerId}`, person, goals: r.goals, command: { kind: "choose" as const, requestId: r.id, pick: i + 1 } }]
        : [];
    }),
  );
  const byMention = memberId ? options.filter((o) => o.person.id === memberId) : [];
  if (byMention.length === 1 && byMention[0]) return { kind: "one", id: byMention[0].id };
  const found = matchName(options, name);
  if (found.length === 1 && found[0]) return { kind: "one", id: found[0].id };
  if (options.length === 0) return { kind: "none" };
  return {
    kind: "which",
    which: {
      command: "choose",
      problem: found.length ? "ambiguous" : "no_match",
      given: name,
      options: (found.length ? found : options).map(strip),
    },
  };
}

/** `cancel [name]`: the chat not yet held (oldest first), by the other person's name. */
export function cancelTarget(s: StatusValue, name?: string): Target {
  const options = s.chats.map((c) => ({
    id: c.id,
    person: c.other,
    ...(c.slot ? { slot: c.slot } : {}),
    command: { kind: "cancel" as const, chatId: c.id },
  }));
  return choose(options, name, { command: "cancel" });
}

/** `unblock <name>`: someone on the member's block list. */
export function unblockTarget(s: StatusValue, name: string): Target {
  const options = s.blocked.map((p) => ({ id: p.id, person: p }));
  return choose(options, name, { command: "unblock" });
}
