import type { Result } from "../result.js";
import * as uc from "../use-cases/index.js";
import type { Actor, Deps } from "../use-cases/index.js";
import type { Command } from "./types.js";

/** The program channel's commands: being celebrated in the weekly post, helping with a topic, the admin's preview. */
export type ProgramCommand = Extract<Command, { kind: "celebrate" | "offer_topic" | "admin_post" }>;

/** The outcome of a program command, typed per command with its use case's failure codes. */
export type ProgramReply =
  | { kind: "celebrate"; result: Result<uc.CelebrateValue, never> }
  | { kind: "offer_topic"; result: Result<uc.OfferTopicValue, uc.SetVolunteerCode> }
  | { kind: "admin_post"; result: Result<uc.AdminPostValue, uc.AdminPostCode | "NOT_ADMIN"> };

/** Is this a program-channel command? */
export const isProgramCommand = (c: Command): c is ProgramCommand =>
  c.kind === "celebrate" || c.kind === "offer_topic" || c.kind === "admin_post";

/** Runs one program-channel command through its use case. */
export async function dispatchProgram(deps: Deps, actor: Actor, cmd: ProgramCommand): Promise<ProgramReply> {
  switch (cmd.kind) {
    case "celebrate":
      return { kind: "celebrate", result: await uc.setCelebrate(deps, { actor, yes: cmd.yes }) };
    case "offer_topic":
      return { kind: "offer_topic", result: await uc.offerTopic(deps, { actor, tag: cmd.tag }) };
    case "admin_post":
      return { kind: "admin_post", result: await uc.adminProgramPost(deps, { actor, ...(cmd.now ? { now: true } : {}) }) };
  }
}
