import { dispatch, guestMay, type Parsed, type Reply, withinLimits } from "../core/commands/index.js";
import type { Actor, Deps } from "../core/use-cases/index.js";
import { watchActor } from "./actor-zone.js";
import { celebrateAsk } from "./celebrate-ask.js";
import {
  type Action,
  namedActions,
  renderGuestRefusal,
  renderProblem,
  renderReply,
  suggestionActions,
  type TextStyle,
} from "../text/index.js";

/** What the person who acted sees in answer: words and, where useful, buttons. */
export interface View {
  text: string;
  actions: Action[];
  /** The reply behind the words, for adapters that show more (a modal error, a file). */
  reply: Reply | null;
}

/**
 * The one path from a parsed input to the answer the actor sees, shared by every adapter:
 * unsupported input gets the fix; a command runs through its use case and its result is
 * worded in the platform's style, with the buttons that fit.
 */
export async function handle(deps: Deps, actor: Actor, input: Parsed, style: TextStyle): Promise<View> {
  const platform = actor.communityId.slice(0, actor.communityId.indexOf(":"));
  // Oversize text is refused here, once for every adapter, naming the field and its limit.
  const parsed = withinLimits(input);
  if (parsed.kind === "unsupported") {
    deps.metrics?.command(platform, "unsupported", "unsupported");
    return { text: renderProblem(parsed.problem, style), actions: [], reply: null };
  }
  // Someone from another workspace is a guest here: nothing that would enrol them or show them members.
  if (actor.guest === true && !guestMay(parsed)) {
    deps.metrics?.command(platform, parsed.kind, "guest");
    return { text: renderGuestRefusal(style), actions: [], reply: null };
  }
  const watched = watchActor(deps.store, actor);
  const reply = await dispatch({ ...deps, store: watched.store }, actor, parsed);
  deps.metrics?.command(platform, reply.kind, "result" in reply ? (reply.result.ok ? "ok" : reply.result.code) : "ok");
  deps.afterCommand?.();
  // The member as the command left them (their zone may have just changed); read only if it never loaded them.
  const seen = watched.seen();
  const member = seen === undefined ? await deps.store.tx((tx) => tx.getMember(actor.communityId, actor.memberId)) : seen;
  const zone = member?.timeZone ?? actor.timeZone ?? "UTC";
  const actions =
    (reply.kind === "request" || reply.kind === "renew") && reply.result.ok
      ? suggestionActions(reply.result.value)
      : reply.kind === "which" || reply.kind === "confirm"
        ? namedActions(reply, zone)
        : [];
  const ask = await celebrateAsk(deps, actor, reply, member, style);
  const text = renderReply(reply, zone, style);
  return ask ? { text: `${text}\n${ask.text}`, actions: [...actions, ...ask.actions], reply } : { text, actions, reply };
}

/**
 * The answer is a question back ("which one?", "are you sure?"): nothing was done, so a clicked
 * message must keep its buttons and the question goes to the clicker on its own.
 */
export const isQuestion = (reply: Reply | null): boolean => reply?.kind === "which" || reply?.kind === "confirm";
