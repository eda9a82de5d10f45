import {
  ACTIVE_REQUEST_STATUSES,
  type Feedback,
  type Intro,
  type Member,
  type SeekerProfile,
  type VolunteerProfile,
  type Chat,
  type ChatRequest,
  type PersonRef,
} from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { parseLocalDate, parseDuration } from "../time/index.js";
import * as uc from "../use-cases/index.js";
import type { Actor, Deps } from "../use-cases/index.js";
import type { Command } from "./types.js";
import { resolveTarget } from "./resolve.js";
import { type AdminReply, dispatchAdmin } from "./dispatch-admin.js";

/** The outcome of a command, typed per command, for adapters to word. */
export type Reply =
  | { kind: "help"; topic?: string }
  | { kind: "status"; result: Result<uc.StatusValue, never> }
  | { kind: "profile"; result: Result<SeekerProfile, string> | Result<uc.StatusValue, never>; shown: boolean }
  | { kind: "volunteer"; result: Result<VolunteerProfile, string> }
  | { kind: "availability"; result: Result<Member, string> }
  | { kind: "request"; result: Result<uc.RequestChatValue, string> }
  | { kind: "choose"; result: Result<{ intro: Intro; volunteer: PersonRef; replay: boolean }, string> }
  | { kind: "accept"; result: Result<{ intro: Intro; chat: Chat; replay: boolean; late?: boolean }, string> }
  | { kind: "decline"; result: Result<{ intro: Intro; replay: boolean }, string> }
  | { kind: "pick"; result: Result<{ chat: Chat; replay: boolean }, string> }
  | { kind: "outcome"; outcome: "happened" | "no_show" | "rescheduled"; result: Result<uc.OutcomeValue, string> }
  | { kind: "cancel"; result: Result<{ what: "chat" | "request"; replay: boolean }, string> }
  | { kind: "pause"; result: Result<{ member: Member; passedIntros: number }, string> }
  | { kind: "resume"; result: Result<{ member: Member; wasPaused: boolean }, never> }
  | { kind: "leave"; result: Result<uc.LeaveValue, never> }
  | { kind: "block"; result: Result<{ member: Member; replay: boolean }, string> }
  | { kind: "refer"; result: Result<{ request: ChatRequest; replay: boolean }, string> }
  | { kind: "feedback"; result: Result<Feedback, string> }
  | { kind: "forget_me"; result: Result<uc.ForgetValue, never> }
  | { kind: "member_left"; result: Result<{ member: Member | null }, never> }
  | AdminReply;

/**
 * Runs one command for one actor through its use case. Commands that leave out an id act on
 * "the one waiting for me" (see resolve.ts); when there is none the reply says so with a code.
 */
export async function dispatch(deps: Deps, actor: Actor, cmd: Command): Promise<Reply> {
  const t = (kind: Parameters<typeof resolveTarget>[2]) => resolveTarget(deps, actor, kind);
  switch (cmd.kind) {
    case "help":
      return cmd.topic === undefined ? { kind: "help" } : { kind: "help", topic: cmd.topic };
    case "status":
      return { kind: "status", result: await uc.getStatus(deps, { actor }) };
    case "profile":
      if (cmd.interests === undefined) return { kind: "profile", shown: true, result: await uc.getStatus(deps, { actor }) };
      return {
        kind: "profile",
        shown: false,
        result: await uc.setSeekerProfile(deps, {
          actor,
          interests: cmd.interests,
          ...(cmd.learn !== undefined ? { learn: cmd.learn } : {}),
          ...(cmd.intro !== undefined ? { intro: cmd.intro } : {}),
        }),
      };
    case "volunteer":
      return {
        kind: "volunteer",
        result: await uc.setVolunteerProfile(deps, {
          actor,
          expertise: cmd.tags,
          ...(cmd.bio !== undefined ? { bio: cmd.bio } : {}),
          ...(cmd.capacity !== undefined ? { capacityPerMonth: cmd.capacity } : {}),
          ...(cmd.formats !== undefined ? { formats: cmd.formats } : {}),
          ...(cmd.link !== undefined ? { meetingLink: cmd.link } : {}),
        }),
      };
    case "availability":
      return {
        kind: "availability",
        result: await uc.setAvailability(deps, {
          actor,
          windows: cmd.windows,
          ...(cmd.timeZone !== undefined ? { timeZone: cmd.timeZone } : {}),
          ...(cmd.datesOff !== undefined ? { datesOff: cmd.datesOff } : {}),
        }),
      };
    case "request":
      return { kind: "request", result: await uc.requestChat(deps, { actor, tags: cmd.tags, goals: cmd.goals }) };
    case "choose":
    case "choose_member": {
      const target = cmd.requestId ?? (await t("request"));
      if (!target) return { kind: "choose", result: fail("NOTHING_TO_CHOOSE") };
      let volunteerId: string | "auto";
      if (cmd.kind === "choose_member") volunteerId = cmd.volunteerId;
      else if (cmd.pick === "auto") volunteerId = "auto";
      else {
        // Only the actor's own request, while it is still in progress: what their status shows.
        const found = await deps.store.tx((tx) => tx.getRequest(actor.communityId, target));
        const req = found && found.seekerId === actor.memberId && ACTIVE_REQUEST_STATUSES.includes(found.status) ? found : undefined;
        if (req && req.suggestions.length === 0) return { kind: "choose", result: fail("NO_CANDIDATE") };
        const s = req?.suggestions[cmd.pick - 1];
        if (!s) return { kind: "choose", result: fail("BAD_CHOICE", { choices: req?.suggestions.length ?? 0 }) };
        volunteerId = s.volunteerId;
      }
      return { kind: "choose", result: await uc.chooseVolunteer(deps, { actor, requestId: target, volunteerId }) };
    }
    case "accept": {
      const introId = cmd.introId ?? (await t("intro"));
      return { kind: "accept", result: introId ? await uc.acceptIntro(deps, { actor, introId }) : fail("NOTHING_TO_ANSWER") };
    }
    case "decline": {
      const introId = cmd.introId ?? (await t("intro"));
      if (!introId) return { kind: "decline", result: fail("NOTHING_TO_ANSWER") };
      return {
        kind: "decline",
        result: await uc.declineIntro(deps, { actor, introId, ...(cmd.reason !== undefined ? { reason: cmd.reason } : {}) }),
      };
    }
    case "pick": {
      const chatId = cmd.chatId ?? (await t("proposing"));
      return { kind: "pick", result: chatId ? await uc.pickSlot(deps, { actor, chatId, choice: cmd.choice }) : fail("NOTHING_TO_PICK") };
    }
    case "outcome": {
      const chatId = cmd.chatId ?? (await t(cmd.outcome === "rescheduled" ? "scheduled" : "awaiting_outcome"));
      const result = chatId ? await uc.recordOutcome(deps, { actor, chatId, outcome: cmd.outcome }) : fail("NO_CHAT");
      return { kind: "outcome", outcome: cmd.outcome, result };
    }
    case "cancel": {
      const chatId = cmd.chatId ?? (cmd.requestId ? undefined : await t("open_chat"));
      if (chatId) {
        const r = await uc.cancelChat(deps, { actor, chatId });
        return { kind: "cancel", result: r.ok ? ok({ what: "chat", replay: r.value.replay }) : r };
      }
      const requestId = cmd.requestId ?? (await t("request_any"));
      if (!requestId) return { kind: "cancel", result: fail("NOTHING_TO_CANCEL") };
      const r = await uc.cancelRequest(deps, { actor, requestId });
      return { kind: "cancel", result: r.ok ? ok({ what: "request", replay: r.value.replay }) : r };
    }
    case "pause": {
      const zone = await deps.store.tx(async (tx) => {
        const m = await tx.getMember(actor.communityId, actor.memberId);
        return m?.timeZone ?? actor.timeZone ?? (await tx.getCommunity(actor.communityId))?.settings.defaultTimeZone ?? "UTC";
      });
      const span = parseDuration(cmd.until.startsWith("+") ? cmd.until : `+${cmd.until}`);
      const until = span !== null ? new Date(deps.clock.now().getTime() + span) : parseLocalDate(cmd.until, zone);
      if (!until) return { kind: "pause", result: fail("BAD_DATE", { given: cmd.until, example: "2026-12-31 or +2w" }) };
      return { kind: "pause", result: await uc.pause(deps, { actor, until }) };
    }
    case "resume":
      return { kind: "resume", result: await uc.resume(deps, { actor }) };
    case "leave":
      return { kind: "leave", result: await uc.leave(deps, { actor }) };
    case "block":
      return { kind: "block", result: await uc.blockMember(deps, { actor, targetId: cmd.memberId }) };
    case "refer": {
      const chatId = cmd.chatId ?? (await t("happened"));
      return { kind: "refer", result: chatId ? await uc.referSeeker(deps, { actor, chatId, targetId: cmd.memberId }) : fail("NO_CHAT") };
    }
    case "feedback": {
      const chatId = cmd.chatId ?? (await t("happened_any"));
      return {
        kind: "feedback",
        result: chatId ? await uc.giveFeedback(deps, { actor, chatId, rating: cmd.rating, note: cmd.note }) : fail("NO_CHAT"),
      };
    }
    case "forget_me":
      return { kind: "forget_me", result: await uc.forgetMe(deps, { actor }) };
    case "member_left": {
      const r = await uc.memberLeft(deps, { communityId: actor.communityId, memberId: cmd.memberId });
      return { kind: "member_left", result: ok({ member: r.ok ? r.value.member : null }) };
    }
    default:
      return dispatchAdmin(deps, actor, cmd);
  }
}
