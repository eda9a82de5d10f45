import type { WeeklyWindow } from "../domain/index.js";

/**
 * What a person can ask Percolate to do, independent of the platform they typed it on.
 * Slack, Discord and the shell each turn their input into one of these; `dispatch` runs it.
 * Ids left out mean "the one that is waiting for me" (my pending intro, my chat), which the
 * core resolves the same way for every platform.
 */
export type Command =
  | { kind: "help"; topic?: string }
  | { kind: "status" }
  | { kind: "profile"; interests?: string; learn?: string; intro?: string }
  | { kind: "volunteer"; tags: string; bio?: string; capacity?: number; formats?: string[]; link?: string }
  | { kind: "availability"; windows: WeeklyWindow[]; timeZone?: string; datesOff?: string[] }
  | { kind: "request"; tags: string; goals: string }
  | { kind: "choose"; requestId?: string; pick: number | "auto" }
  | { kind: "choose_member"; requestId?: string; volunteerId: string }
  | { kind: "accept"; introId?: string }
  | { kind: "decline"; introId?: string; reason?: string }
  | { kind: "pick"; chatId?: string; choice: number }
  | { kind: "outcome"; chatId?: string; outcome: "happened" | "no_show" | "rescheduled" }
  | { kind: "cancel"; chatId?: string; requestId?: string }
  | { kind: "pause"; until: string }
  | { kind: "resume" }
  | { kind: "leave" }
  | { kind: "block"; memberId: string }
  | { kind: "refer"; chatId?: string; memberId: string }
  | { kind: "feedback"; chatId?: string; rating: number; note: string }
  | { kind: "forget_me" }
  /** Adapters send this for a platform "member left the workspace/server" event; never typed by people. */
  | { kind: "member_left"; memberId: string }
  | AdminCommand;

/** Admin commands: allowed for community admins only (the core checks; adapters supply the facts). */
export type AdminCommand =
  | { kind: "admin_settings"; set?: { key: string; value: string } }
  | { kind: "admin_tags"; op: "alias" | "rename" | "merge"; from: string; to: string }
  | { kind: "admin_stats"; period?: string }
  /** `path` is where an adapter that writes files (the shell) should put them; others ignore it. */
  | { kind: "admin_export"; includeNotes: boolean; path?: string }
  | { kind: "admin_add"; memberId: string }
  | { kind: "admin_remove"; memberId: string }
  | { kind: "admin_match" };

/** Input that is not a command, with what was wrong, so the adapter can say how to fix it. */
export type Unsupported = { kind: "unsupported"; input: string; problem: ParseProblem };

export type ParseProblem =
  | { code: "UNKNOWN_COMMAND"; word: string; suggestion?: string }
  | { code: "MISSING"; what: string; usage: string }
  | { code: "INVALID"; what: string; given: string; usage: string }
  /** A typed value over its limit (FIELD_LIMITS): `field` in words, `name` as in the command, its `length` and the `max`. */
  | { code: "TOO_LONG"; field: string; name: string; max: number; length: number; usage: string; unit?: "items" };

export type Parsed = Command | Unsupported;
export type CommandKind = Command["kind"];
