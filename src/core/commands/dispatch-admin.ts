import type { CsvFile } from "../admin/csv.js";
import type { Result } from "../result.js";
import type { CommunityStats } from "../stats/report.js";
import * as uc from "../use-cases/index.js";
import type { Actor, Deps } from "../use-cases/index.js";
import type { AdminCommand } from "./types.js";

/** The failure codes an admin use case can return, read from its signature. */
// biome-ignore lint/suspicious/noExplicitAny: any function signature; only its result is read
type CodeOf<F extends (...args: any[]) => Promise<Result<unknown, string>>> =
  Awaited<ReturnType<F>> extends infer R ? (R extends { ok: false; code: infer C } ? C : never) : never;

/** The outcome of an admin command, typed per command. Every one can fail with `NOT_ADMIN`. */
export type AdminReply =
  | { kind: "admin_settings"; result: Result<uc.AdminSettingsValue, CodeOf<typeof uc.adminSettings>> }
  | { kind: "admin_tags"; result: Result<uc.AdminTagsValue, CodeOf<typeof uc.adminTags>> }
  | { kind: "admin_tags_list"; result: Result<uc.AdminTagListValue, CodeOf<typeof uc.adminTagList>> }
  | { kind: "admin_tags_unalias"; result: Result<uc.AdminUnaliasValue, CodeOf<typeof uc.adminTagUnalias>> }
  | { kind: "admin_stats"; result: Result<CommunityStats, CodeOf<typeof uc.adminStats>> }
  /** The files to deliver; `path` is the folder the admin asked for, if any (shell). */
  | { kind: "admin_export"; path?: string; result: Result<{ files: CsvFile[]; includeNotes: boolean }, CodeOf<typeof uc.adminExport>> }
  | { kind: "admin_add"; result: Result<uc.AdminListValue, CodeOf<typeof uc.adminAdd>> }
  | { kind: "admin_remove"; result: Result<uc.AdminListValue, CodeOf<typeof uc.adminRemove>> }
  | { kind: "admin_match"; result: Result<uc.MatchQueueReport & { programPaused: boolean }, CodeOf<typeof uc.adminMatch>> }
  | { kind: "admin_queue"; result: Result<uc.AdminQueueValue, CodeOf<typeof uc.adminQueue>> }
  /** The link carries a secret: every surface shows it to the admin alone. */
  | { kind: "admin_dashboard"; result: Result<uc.AdminDashboardValue, CodeOf<typeof uc.adminDashboard>> };

/** Runs one admin command through its use case (each checks the actor's rights itself); `admin rounds` goes through dispatchRounds. */
export async function dispatchAdmin(
  deps: Deps,
  actor: Actor,
  cmd: Exclude<AdminCommand, { kind: "admin_rounds" | "admin_post" }>,
): Promise<AdminReply> {
  switch (cmd.kind) {
    case "admin_settings":
      return { kind: "admin_settings", result: await uc.adminSettings(deps, { actor, ...(cmd.set ? { set: cmd.set } : {}) }) };
    case "admin_tags":
      return { kind: "admin_tags", result: await uc.adminTags(deps, { actor, op: cmd.op, from: cmd.from, to: cmd.to }) };
    case "admin_tags_list":
      return { kind: "admin_tags_list", result: await uc.adminTagList(deps, { actor }) };
    case "admin_tags_unalias":
      return { kind: "admin_tags_unalias", result: await uc.adminTagUnalias(deps, { actor, from: cmd.from }) };
    case "admin_stats":
      return {
        kind: "admin_stats",
        result: await uc.adminStats(deps, { actor, ...(cmd.period !== undefined ? { period: cmd.period } : {}) }),
      };
    case "admin_export":
      return {
        kind: "admin_export",
        ...(cmd.path !== undefined ? { path: cmd.path } : {}),
        result: await uc.adminExport(deps, { actor, includeNotes: cmd.includeNotes }),
      };
    case "admin_add":
      return { kind: "admin_add", result: await uc.adminAdd(deps, { actor, memberId: cmd.memberId }) };
    case "admin_remove":
      return { kind: "admin_remove", result: await uc.adminRemove(deps, { actor, memberId: cmd.memberId }) };
    case "admin_match":
      return { kind: "admin_match", result: await uc.adminMatch(deps, { actor }) };
    case "admin_queue":
      return { kind: "admin_queue", result: await uc.adminQueue(deps, { actor }) };
    case "admin_dashboard":
      return { kind: "admin_dashboard", result: await uc.adminDashboard(deps, { actor }) };
  }
}
