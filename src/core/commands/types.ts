import type { WeeklyWindow } from "../domain/index.js";
import type { WindowProblem } from "./availability-text.js";

/**
 * What a person can ask Percolate to do, independent of the platform they typed it on.
 * Slack, Discord and the shell each turn their input into one of these; `dispatch` runs it.
 * Ids left out mean "the one that is waiting for me" (my pending intro, my chat), which the
 * core resolves the same way for every platform.
 */
export type Command =
  | { kind: "help"; topic?: string }
  | { kind: "status" }
  /** `tags`: the topics people volunteer for here. */
  | { kind: "tags" }
  | { kind: "profile"; interests?: string; learn?: string; intro?: string }
  | { kind: "volunteer"; tags: string; bio?: string; capacity?: number; formats?: string[]; link?: string }
  /**
   * `edit` absent: the windows replace the schedule (days off kept unless `datesOff` is given).
   * `add`/`remove` edit the windows; `off` adds `datesOff`; `clear_off` removes every day off.
   * `timeZone` and `datesOff` are as typed: the core reads them (zone names, `tomorrow`).
   */
  | { kind: "availability"; windows: WeeklyWindow[]; timeZone?: string; datesOff?: string[]; edit?: AvailabilityEdit }
  | { kind: "request"; tags: string; goals: string }
  /** `forRequest`: words of the request's goals or topics (`choose 1 for portfolio`), when several wait. */
  | { kind: "choose"; requestId?: string; pick: number | "auto"; forRequest?: string }
  | { kind: "choose_member"; requestId?: string; volunteerId: string }
  /** `choose pia`: a suggested volunteer by display name (or the platform's mention, `memberId`). */
  | { kind: "choose_named"; name: string; memberId?: string; forRequest?: string }
  /** `name`: whose intro, by the seeker's display name (or the intro's id), when several wait. */
  | { kind: "accept"; introId?: string; name?: string }
  /** With no `name` and no id, leading words of `reason` that name a waiting seeker pick the intro. */
  | { kind: "decline"; introId?: string; reason?: string; name?: string }
  /** `pick 2 with pia`: `name` is the other person in the chat, when several wait for a time. */
  | { kind: "pick"; chatId?: string; choice: number; name?: string }
  | { kind: "outcome"; chatId?: string; outcome: "happened" | "no_show" | "rescheduled" }
  /** A booked chat is only cancelled `confirmed`; `name` is the other person, when several chats are open. */
  | { kind: "cancel"; chatId?: string; requestId?: string; confirmed?: boolean; name?: string }
  | { kind: "pause"; until: string }
  | { kind: "resume" }
  /** With chats not yet held, leaving happens only `confirmed`. */
  | { kind: "leave"; confirmed?: boolean }
  | { kind: "block"; memberId: string }
  | { kind: "refer"; chatId?: string; memberId: string }
  | { kind: "feedback"; chatId?: string; rating: number; note: string }
  /** Erasure happens only `confirmed`; without it the answer says what would go. */
  | { kind: "forget_me"; confirmed?: boolean }
  /** `unblock pia`: `memberId` from the platform's mention, else `name` matched against the block list. */
  | { kind: "unblock"; memberId?: string; name?: string }
  /** `volunteer off`: stop volunteering, stay a seeker. */
  | { kind: "volunteer_off" }
  /** Put an expired request back on the list (the newest expired one when no id). */
  | { kind: "renew"; requestId?: string }
  /** The seeker's own thank-you note to the volunteer of their latest chat (or `chatId`). */
  | { kind: "thanks"; chatId?: string; text: string }
  /**
   * A front-door button (the program channel's pinned message, the welcome DM): `learn` and `help`
   * open the seeker's request form and the volunteer form where the platform has forms (adapters
   * open them themselves, since a form must be the click's first answer), `peers` joins the peer
   * rounds, `later` is answered privately and changes nothing. Never typed by people.
   */
  | { kind: "door"; choice: DoorChoice }
  /** `rounds join [group <name>]`: opt in to peer rounds (the front door's "Pair me with peers"). */
  | { kind: "rounds_join"; group?: string }
  /** `rounds skip`: sit out the next round only. */
  | { kind: "rounds_skip" }
  /** `rounds leave`: stop peer rounds (coffee chats go on). */
  | { kind: "rounds_leave" }
  /** `rounds met` / `rounds missed`: the answer to "did you meet?", for the latest group or `groupId`. */
  | { kind: "rounds_report"; outcome: "met" | "missed"; groupId?: string }
  /** `celebrate yes|no`: may the weekly program post name me (with the people I met, when they say yes too)? */
  | { kind: "celebrate"; yes: boolean }
  /** *I can help with <topic>* under the weekly program post: volunteer for that topic in one click. Never typed by people. */
  | { kind: "offer_topic"; tag: string }
  /** `rounds pick <n>`: book one of the peer group's times, for the latest group or `groupId`. */
  | { kind: "rounds_pick"; choice: number; groupId?: string }
  /** Adapters send this for a platform "member left the workspace/server" event; never typed by people. */
  | { kind: "member_left"; memberId: string }
  | AdminCommand;

/** The four front-door buttons. */
export type DoorChoice = "learn" | "help" | "peers" | "later";
export const DOOR_CHOICES: readonly DoorChoice[] = ["learn", "help", "peers", "later"];

export type AvailabilityEdit = "add" | "remove" | "off" | "clear_off";

/** Admin commands: allowed for community admins only (the core checks; adapters supply the facts). */
export type AdminCommand =
  | { kind: "admin_settings"; set?: { key: string; value: string } }
  | { kind: "admin_tags"; op: "alias" | "rename" | "merge"; from: string; to: string }
  /** `admin tags list`: every topic in use with its people and aliases. */
  | { kind: "admin_tags_list" }
  /** `admin tags unalias <from>`: remove one of the community's own aliases. */
  | { kind: "admin_tags_unalias"; from: string }
  | { kind: "admin_stats"; period?: string }
  /** `path` is where an adapter that writes files (the shell) should put them; others ignore it. */
  | { kind: "admin_export"; includeNotes: boolean; path?: string }
  | { kind: "admin_add"; memberId: string }
  | { kind: "admin_remove"; memberId: string }
  | { kind: "admin_match" }
  | { kind: "admin_queue" }
  /** `admin dashboard`: a private one-time sign-in link to the community's web dashboard. */
  | { kind: "admin_dashboard" }
  /** `admin rounds`: the next round, who is in, the last round's meet rate; `run`: one round now. */
  | { kind: "admin_rounds"; run?: boolean }
  /** `admin post`: preview the weekly program post privately; `now`: post it in the program channel now. */
  | { kind: "admin_post"; now?: boolean };

/** Input that is not a command, with what was wrong, so the adapter can say how to fix it. */
export type Unsupported = { kind: "unsupported"; input: string; problem: ParseProblem };

/**
 * What was wrong with some input. `command` is the command's key in the syntax table (SYNTAX)
 * and `arg` the argument meant, so each surface renders the usage and the argument in its own
 * syntax (`--cap`, `capacity:`) instead of receiving a pre-rendered shell line.
 */
export type ParseProblem =
  | { code: "UNKNOWN_COMMAND"; word: string; suggestion?: string }
  | { code: "MISSING"; what: string; command: string; arg?: string }
  | { code: "INVALID"; what: string; given: string; command: string; arg?: string }
  /** Free times that could not be read, with exactly what is wrong (availability). */
  | { code: "TIMES"; problem: WindowProblem; command: string; arg?: string }
  /** A typed value over its limit (FIELD_LIMITS): `field` in words, `name` as in the command, its `length` and the `max`. */
  | { code: "TOO_LONG"; field: string; name: string; max: number; length: number; command: string; unit?: "items" };

export type Parsed = Command | Unsupported;
export type CommandKind = Command["kind"];
