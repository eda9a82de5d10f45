import { ACTIVE_REQUEST_STATUSES, type Member, type PersonRef } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import * as uc from "../use-cases/index.js";
import type { Actor, Deps } from "../use-cases/index.js";
import { type ConfirmValue, cancelPreview, forgetPreview, leavePreview } from "./confirm.js";
import type { Reply } from "./dispatch.js";
import { resolveTarget } from "./resolve.js";
import {
  acceptTarget,
  matchName,
  cancelTarget,
  chooseNameTarget,
  chooseNumberTarget,
  declineTarget,
  pickTarget,
  statusOf,
  type Target,
  unblockTarget,
  type WhichValue,
} from "./targets.js";
import type { Command } from "./types.js";

/** Replies of the commands that can name their target or must be confirmed. */
export type NamedReply =
  /** Nothing done: the command could act on several things; the member picks one. */
  | { kind: "which"; result: Result<WhichValue, never> }
  /** Nothing done: the command can't be undone; the member confirms first. */
  | { kind: "confirm"; result: Result<ConfirmValue, never> }
  | { kind: "unblock"; result: Result<{ member: Member; target: PersonRef; replay: boolean }, "UNKNOWN_MEMBER" | "NOT_BLOCKED"> }
  | { kind: "volunteer_off"; result: Result<uc.StopVolunteeringValue, uc.StopVolunteeringCode> };

type NamedCommand = Extract<
  Command,
  {
    kind:
      | "accept"
      | "decline"
      | "pick"
      | "choose"
      | "choose_member"
      | "choose_named"
      | "cancel"
      | "leave"
      | "forget_me"
      | "unblock"
      | "volunteer_off";
  }
>;

const which = (w: WhichValue): Reply => ({ kind: "which", result: ok(w) });
const none: Target = { kind: "none" };

/**
 * Commands that name what they act on (`accept pia`, `pick 2 with ken`, `choose pia`) or ask
 * before acting (`leave`, `forget-me`, `cancel` of a booked chat). A command with no name acts
 * on the only candidate; with several it asks which, listing them in the order `status` shows,
 * and never guesses. Shared by every platform.
 */
export async function dispatchNamed(deps: Deps, actor: Actor, cmd: NamedCommand): Promise<Reply> {
  switch (cmd.kind) {
    case "accept": {
      if (cmd.introId) return { kind: "accept", result: await uc.acceptIntro(deps, { actor, introId: cmd.introId }) };
      const s = await statusOf(deps, actor);
      const t = s ? acceptTarget(s, cmd.name) : none;
      if (t.kind === "which") return which(t.which);
      if (t.kind === "none") {
        // Nothing waiting: a late accept of an intro that expired lately (named, or the newest).
        const late = s ? lateIntro(s, cmd.name) : undefined;
        if (!late) return { kind: "accept", result: fail("NOTHING_TO_ANSWER") };
        return { kind: "accept", result: await uc.acceptIntro(deps, { actor, introId: late }) };
      }
      return { kind: "accept", result: await uc.acceptIntro(deps, { actor, introId: t.id }) };
    }
    case "decline": {
      const decline = async (introId: string, reason: string | undefined): Promise<Reply> => ({
        kind: "decline",
        result: await uc.declineIntro(deps, { actor, introId, ...(reason !== undefined ? { reason } : {}) }),
      });
      if (cmd.introId) return decline(cmd.introId, cmd.reason);
      const s = await statusOf(deps, actor);
      const t = s ? declineTarget(s, cmd.name, cmd.reason) : none;
      if (t.kind === "which") return which(t.which);
      if (t.kind === "none") return { kind: "decline", result: fail("NOTHING_TO_ANSWER") };
      return decline(t.id, cmd.name !== undefined ? cmd.reason : t.rest);
    }
    case "pick": {
      if (cmd.chatId) return { kind: "pick", result: await uc.pickSlot(deps, { actor, chatId: cmd.chatId, choice: cmd.choice }) };
      const s = await statusOf(deps, actor);
      const t = s ? pickTarget(s, cmd.choice, cmd.name) : none;
      if (t.kind === "which") return which(t.which);
      if (t.kind === "none") return { kind: "pick", result: fail("NOTHING_TO_PICK") };
      return { kind: "pick", result: await uc.pickSlot(deps, { actor, chatId: t.id, choice: cmd.choice }) };
    }
    case "choose":
    case "choose_member":
    case "choose_named":
      return choose(deps, actor, cmd);
    case "cancel":
      return cancel(deps, actor, cmd);
    case "leave": {
      if (!cmd.confirmed) {
        const s = await statusOf(deps, actor);
        const preview = s ? leavePreview(s) : null;
        if (preview) return { kind: "confirm", result: ok(preview) };
      }
      return { kind: "leave", result: await uc.leave(deps, { actor }) };
    }
    case "forget_me": {
      if (!cmd.confirmed) {
        // Someone never seen here has nothing to erase: say so at once rather than ask.
        const known = await deps.store.tx((tx) => tx.getMember(actor.communityId, actor.memberId));
        const s = known && !known.forgotten ? await statusOf(deps, actor) : null;
        if (s) return { kind: "confirm", result: ok(forgetPreview(s)) };
      }
      return { kind: "forget_me", result: await uc.forgetMe(deps, { actor }) };
    }
    case "unblock": {
      let targetId = cmd.memberId;
      if (cmd.name !== undefined) {
        const s = await statusOf(deps, actor);
        const t = s ? unblockTarget(s, cmd.name) : none;
        if (t.kind === "which") return which(t.which);
        if (t.kind === "one") targetId = t.id;
      }
      if (!targetId) return { kind: "unblock", result: fail("NOT_BLOCKED", { given: cmd.name ?? "" }) };
      return { kind: "unblock", result: await uc.unblockMember(deps, { actor, targetId }) };
    }
    case "volunteer_off":
      return { kind: "volunteer_off", result: await uc.stopVolunteering(deps, { actor }) };
  }
}

async function choose(
  deps: Deps,
  actor: Actor,
  cmd: Extract<Command, { kind: "choose" | "choose_member" | "choose_named" }>,
): Promise<Reply> {
  const run = async (requestId: string, volunteerId: string | "auto"): Promise<Reply> => ({
    kind: "choose",
    result: await uc.chooseVolunteer(deps, { actor, requestId, volunteerId }),
  });
  const direct = async (volunteerId: string, requestId?: string): Promise<Reply> => {
    const target = requestId ?? (await resolveTarget(deps, actor, "request"));
    return target ? run(target, volunteerId) : { kind: "choose", result: fail("NOTHING_TO_CHOOSE") };
  };
  if (cmd.kind === "choose_member") return direct(cmd.volunteerId, cmd.requestId);
  const s = await statusOf(deps, actor);
  if (cmd.kind === "choose_named") {
    const t = s ? chooseNameTarget(s, cmd.name, cmd.memberId, cmd.forRequest) : none;
    // A mention of someone not among the suggestions still asks for them by id, as before.
    if (t.kind === "which" && t.which.problem === "no_match" && cmd.memberId && !isPlainWord(cmd.name)) return direct(cmd.memberId);
    if (t.kind === "which") return which(t.which);
    if (t.kind === "none") return { kind: "choose", result: fail("NOTHING_TO_CHOOSE") };
    const [requestId = "", volunteerId = ""] = t.id.split("|");
    return run(requestId, volunteerId);
  }
  let target = cmd.requestId;
  if (!target) {
    const t = s ? chooseNumberTarget(s, cmd.pick, cmd.forRequest) : none;
    if (t.kind === "which") return which(t.which);
    if (t.kind === "none") return { kind: "choose", result: fail("NOTHING_TO_CHOOSE") };
    target = t.id;
  }
  if (cmd.pick === "auto") return run(target, "auto");
  // Only the actor's own request, while it is still in progress: what their status shows.
  const found = await deps.store.tx((tx) => tx.getRequest(actor.communityId, target));
  const req = found && found.seekerId === actor.memberId && ACTIVE_REQUEST_STATUSES.includes(found.status) ? found : undefined;
  if (req && req.suggestions.length === 0) return { kind: "choose", result: fail("NO_CANDIDATE") };
  const sg = req?.suggestions[cmd.pick - 1];
  if (!sg) return { kind: "choose", result: fail("BAD_CHOICE", { choices: req?.suggestions.length ?? 0 }) };
  return run(target, sg.volunteerId);
}

/** A bare word (`pia`) is a name to match; anything else (`<@U42>`) was a platform mention. */
const isPlainWord = (s: string): boolean => /^@?[\p{L}\p{N}_.-]+$/u.test(s.trim());

async function cancel(deps: Deps, actor: Actor, cmd: Extract<Command, { kind: "cancel" }>): Promise<Reply> {
  const s = await statusOf(deps, actor);
  let chatId = cmd.chatId;
  if (!chatId && !cmd.requestId) {
    const t = s ? cancelTarget(s, cmd.name) : none;
    if (t.kind === "which") return which(t.which);
    if (t.kind === "one") chatId = t.id;
    // A name that is nobody's chat never falls through to cancelling a request instead.
    if (t.kind === "none" && cmd.name !== undefined && cmd.name.trim() !== "")
      return { kind: "cancel", result: fail("NO_CHAT_WITH", { given: cmd.name.trim() }) };
  }
  if (chatId) {
    const preview = !cmd.confirmed && s ? cancelPreview(s, chatId) : null;
    if (preview) return { kind: "confirm", result: ok(preview) };
    const r = await uc.cancelChat(deps, { actor, chatId });
    return { kind: "cancel", result: r.ok ? ok({ what: "chat", replay: r.value.replay }) : r };
  }
  const requestId = cmd.requestId ?? (await resolveTarget(deps, actor, "request_any"));
  if (!requestId) return { kind: "cancel", result: fail("NOTHING_TO_CANCEL") };
  const r = await uc.cancelRequest(deps, { actor, requestId });
  return { kind: "cancel", result: r.ok ? ok({ what: "request", replay: r.value.replay }) : r };
}

/** The intro that expired lately to accept late: the one whose seeker `name` matches alone, or the newest. */
function lateIntro(s: uc.StatusValue, name: string | undefined): string | undefined {
  const expired = [...s.expiredIntros].sort((a, b) => b.offeredAt.getTime() - a.offeredAt.getTime());
  if (name === undefined) return expired[0]?.id;
  const found = matchName(
    expired.map((i) => ({ id: i.id, person: i.seeker })),
    name,
  );
  return found.length === 1 ? found[0]?.id : undefined;
}
