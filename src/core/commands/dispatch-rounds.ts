import type { PeerGroup, PeerOutcome } from "../domain/index.js";
import type { Result } from "../result.js";
import * as uc from "../use-cases/index.js";
import type { Actor, Deps } from "../use-cases/index.js";
import type { Command } from "./types.js";

/** The peer-round commands: members' and admins'. */
export type RoundsCommand = Extract<
  Command,
  { kind: "rounds_join" | "rounds_skip" | "rounds_leave" | "rounds_report" | "rounds_pick" | "admin_rounds" }
>;

/** The outcome of a peer-round command, typed per command with its use case's failure codes. */
export type RoundsReply =
  | { kind: "rounds_join"; result: Result<{ nextRoundAt: Date | null; already: boolean }, uc.JoinRoundsCode> }
  | { kind: "rounds_skip"; result: Result<{ skipped: Date }, uc.SkipRoundCode> }
  | { kind: "rounds_leave"; result: Result<{ was: boolean }, never> }
  | { kind: "rounds_report"; result: Result<{ group: PeerGroup; outcome: PeerOutcome }, uc.ReportRoundCode> }
  | { kind: "rounds_pick"; result: Result<{ group: PeerGroup; replay: boolean }, uc.PickRoundSlotCode> }
  | { kind: "admin_rounds"; result: Result<uc.RoundsOverview, "NOT_ADMIN"> }
  | { kind: "admin_rounds_run"; result: Result<uc.RunRoundValue, uc.RunRoundCode | "NOT_ADMIN"> };

/** Is this a peer-round command? */
export const isRoundsCommand = (c: Command): c is RoundsCommand =>
  c.kind === "rounds_join" ||
  c.kind === "rounds_skip" ||
  c.kind === "rounds_leave" ||
  c.kind === "rounds_report" ||
  c.kind === "rounds_pick" ||
  c.kind === "admin_rounds";

/** Runs one peer-round command through its use case. */
export async function dispatchRounds(deps: Deps, actor: Actor, cmd: RoundsCommand): Promise<RoundsReply> {
  switch (cmd.kind) {
    case "rounds_join":
      return {
        kind: "rounds_join",
        result: await uc.joinRounds(deps, { actor, ...(cmd.group !== undefined ? { group: cmd.group } : {}) }),
      };
    case "rounds_skip":
      return { kind: "rounds_skip", result: await uc.skipRound(deps, { actor }) };
    case "rounds_leave":
      return { kind: "rounds_leave", result: await uc.leaveRounds(deps, { actor }) };
    case "rounds_report":
      return {
        kind: "rounds_report",
        result: await uc.reportRound(deps, { actor, outcome: cmd.outcome, ...(cmd.groupId !== undefined ? { groupId: cmd.groupId } : {}) }),
      };
    case "rounds_pick":
      return {
        kind: "rounds_pick",
        result: await uc.pickRoundSlot(deps, { actor, choice: cmd.choice, ...(cmd.groupId !== undefined ? { groupId: cmd.groupId } : {}) }),
      };
    case "admin_rounds":
      return cmd.run
        ? { kind: "admin_rounds_run", result: await uc.adminRunRound(deps, { actor }) }
        : { kind: "admin_rounds", result: await uc.adminRounds(deps, { actor }) };
  }
}
