import type {
  Feedback,
  Intro,
  Member,
  SeekerProfile,
  VolunteerProfile,
  Chat,
  ChatRequest,
  PersonRef,
  TopicGuess,
} from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { readPauseEnd } from "../time/index.js";
import * as uc from "../use-cases/index.js";
import type { Actor, Deps } from "../use-cases/index.js";
import type { Command, DoorChoice } from "./types.js";
import { resolveTarget } from "./resolve.js";
import { type AdminReply, dispatchAdmin } from "./dispatch-admin.js";
import { dispatchNamed, type NamedReply } from "./dispatch-named.js";
import { dispatchProgram, isProgramCommand, type ProgramReply } from "./dispatch-program.js";
import { dispatchRounds, isRoundsCommand, type RoundsReply } from "./dispatch-rounds.js";

/** The failure codes a use case can return, read from its signature. */
// biome-ignore lint/suspicious/noExplicitAny: any function signature; only its result is read
export type CodeOf<F extends (...args: any[]) => Promise<Result<unknown, string>>> =
  Awaited<ReturnType<F>> extends infer R ? (R extends { ok: false; code: infer C } ? C : never) : never;

/**
 * The outcome of a command, typed per command, for adapters to word. Each result carries its
 * use case's failure codes (plus the few dispatch adds when there is nothing to act on), so
 * the wording in text/failures.ts must cover every one of them: a new code without words
 * fails the typecheck.
 */
export type Reply =
  | { kind: "help"; topic?: string }
  | { kind: "status"; result: Result<uc.StatusValue, never> }
  | { kind: "tags"; result: Result<uc.TopicsValue, never> }
  | {
      kind: "profile";
      result: Result<SeekerProfile & { guesses?: TopicGuess[] }, CodeOf<typeof uc.setSeekerProfile>> | Result<uc.StatusValue, never>;
      shown: boolean;
    }
  | { kind: "volunteer"; result: Result<VolunteerProfile & { guesses?: TopicGuess[] }, CodeOf<typeof uc.setVolunteerProfile>> }
  | { kind: "availability"; result: Result<uc.AvailabilityChange, CodeOf<typeof uc.setAvailability>> }
  | { kind: "request"; result: Result<uc.RequestChatValue, CodeOf<typeof uc.requestChat>> }
  | {
      kind: "choose";
      result: Result<
        { intro: Intro; volunteer: PersonRef; replay: boolean },
        CodeOf<typeof uc.chooseVolunteer> | "NOTHING_TO_CHOOSE" | "NO_CANDIDATE" | "BAD_CHOICE"
      >;
    }
  | {
      kind: "accept";
      result: Result<{ intro: Intro; chat: Chat; replay: boolean; late?: boolean }, CodeOf<typeof uc.acceptIntro> | "NOTHING_TO_ANSWER">;
    }
  | {
      kind: "decline";
      result: Result<
        Extract<Awaited<ReturnType<typeof uc.declineIntro>>, { ok: true }>["value"],
        CodeOf<typeof uc.declineIntro> | "NOTHING_TO_ANSWER"
      >;
    }
  | { kind: "pick"; result: Result<{ chat: Chat; replay: boolean }, CodeOf<typeof uc.pickSlot> | "NOTHING_TO_PICK"> }
  | {
      kind: "outcome";
      outcome: "happened" | "no_show" | "rescheduled";
      result: Result<uc.OutcomeValue, CodeOf<typeof uc.recordOutcome> | "NO_CHAT">;
    }
  | {
      kind: "cancel";
      result: Result<
        { what: "chat" | "request"; replay: boolean },
        CodeOf<typeof uc.cancelChat> | CodeOf<typeof uc.cancelRequest> | "NOTHING_TO_CANCEL" | "NO_CHAT_WITH"
      >;
    }
  | { kind: "pause"; result: Result<{ member: Member; passedIntros: number; replaced: Date | null }, CodeOf<typeof uc.pause> | "BAD_DATE"> }
  | { kind: "resume"; result: Result<{ member: Member; wasPaused: boolean }, never> }
  | { kind: "leave"; result: Result<uc.LeaveValue, never> }
  | { kind: "block"; result: Result<{ member: Member; replay: boolean }, CodeOf<typeof uc.blockMember>> }
  | { kind: "refer"; result: Result<{ request: ChatRequest; replay: boolean }, CodeOf<typeof uc.referSeeker> | "NO_CHAT"> }
  | { kind: "feedback"; result: Result<Feedback, CodeOf<typeof uc.giveFeedback> | "NO_CHAT"> }
  | { kind: "thanks"; result: Result<{ chat: Chat; volunteer: PersonRef; replay: boolean }, CodeOf<typeof uc.sendThanks> | "NO_CHAT"> }
  | { kind: "forget_me"; result: Result<uc.ForgetValue, never> }
  | { kind: "member_left"; result: Result<{ member: Member | null }, never> }
  /** A front-door button: `peers` carries the rounds answer (and its failures); the others only need words. */
  | { kind: "door"; result: Result<DoorValue, CodeOf<typeof uc.joinRounds>> }
  | NamedReply
  | { kind: "renew"; result: Result<uc.RequestChatValue, uc.RenewCode> }
  | RoundsReply
  | ProgramReply
  | AdminReply;

/** What a front-door button did: joined the rounds (`peers`, with the next round's date when known), or nothing yet. */
export type DoorValue = { choice: Exclude<DoorChoice, "peers"> } | { choice: "peers"; nextRoundAt: Date | null; already: boolean };

/** Every failure code a reply can carry: the keys text/failures.ts must word. */
export type FailureCode = Reply extends infer R
  ? R extends { result: infer X }
    ? X extends { ok: false; code: infer C }
      ? C
      : never
    : never
  : never;

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
    case "tags":
      return { kind: "tags", result: await uc.listTopics(deps, { actor }) };
    case "profile":
      if (cmd.interests === undefined && cmd.learn === undefined && cmd.intro === undefined)
        return { kind: "profile", shown: true, result: await uc.getStatus(deps, { actor }) };
      return {
        kind: "profile",
        shown: false,
        result: await uc.setSeekerProfile(deps, {
          actor,
          ...(cmd.interests !== undefined ? { interests: cmd.interests } : {}),
          ...(cmd.learn !== undefined ? { learn: cmd.learn } : {}),
          ...(cmd.intro !== undefined ? { intro: cmd.intro } : {}),
        }),
      };
    case "volunteer":
      // "off" in the topics field of any form or option means what `volunteer off` means.
      if (/^\s*off\s*$/i.test(cmd.tags)) return dispatchNamed(deps, actor, { kind: "volunteer_off" });
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
          ...(cmd.edit !== undefined ? { edit: cmd.edit } : {}),
        }),
      };
    case "request":
      return { kind: "request", result: await uc.requestChat(deps, { actor, tags: cmd.tags, goals: cmd.goals }) };
    case "choose":
    case "choose_member":
    case "choose_named":
    case "accept":
    case "decline":
    case "pick":
    case "cancel":
    case "leave":
    case "forget_me":
    case "unblock":
    case "volunteer_off":
      return dispatchNamed(deps, actor, cmd);
    case "outcome": {
      const chatId = cmd.chatId ?? (await t(cmd.outcome === "rescheduled" ? "scheduled" : "awaiting_outcome"));
      const result = chatId ? await uc.recordOutcome(deps, { actor, chatId, outcome: cmd.outcome }) : fail("NO_CHAT");
      return { kind: "outcome", outcome: cmd.outcome, result };
    }
    case "pause": {
      const zone = await deps.store.tx(async (tx) => {
        const m = await tx.getMember(actor.communityId, actor.memberId);
        return m?.timeZone ?? actor.timeZone ?? (await tx.getCommunity(actor.communityId))?.settings.defaultTimeZone ?? "UTC";
      });
      const until = readPauseEnd(cmd.until, deps.clock.now(), zone);
      if (!until.ok) return { kind: "pause", result: fail("BAD_DATE", { problem: until.problem }) };
      return { kind: "pause", result: await uc.pause(deps, { actor, until: until.value }) };
    }
    case "resume":
      return { kind: "resume", result: await uc.resume(deps, { actor }) };
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
    case "renew":
      return {
        kind: "renew",
        result: await uc.renewRequest(deps, { actor, ...(cmd.requestId !== undefined ? { requestId: cmd.requestId } : {}) }),
      };
    case "thanks": {
      const chatId = cmd.chatId ?? (await t("happened_seeker"));
      return {
        kind: "thanks",
        result: chatId ? await uc.sendThanks(deps, { actor, chatId, text: cmd.text }) : fail("NO_CHAT"),
      };
    }
    case "member_left": {
      const r = await uc.memberLeft(deps, { communityId: actor.communityId, memberId: cmd.memberId });
      return { kind: "member_left", result: ok({ member: r.ok ? r.value.member : null }) };
    }
    case "door": {
      if (cmd.choice !== "peers") return { kind: "door", result: ok({ choice: cmd.choice }) };
      const joined = await uc.joinRounds(deps, { actor });
      return { kind: "door", result: joined.ok ? ok({ choice: "peers", ...joined.value }) : joined };
    }
    default:
      if (isRoundsCommand(cmd)) return dispatchRounds(deps, actor, cmd);
      return isProgramCommand(cmd) ? dispatchProgram(deps, actor, cmd) : dispatchAdmin(deps, actor, cmd);
  }
}
