import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { handle, isQuestion } from "../../app/handle.js";
import type { Turn } from "../../app/work-queue.js";
import { decodeButton } from "../../core/commands/index.js";
import {
  type Block,
  BUTTON_PREFIX,
  fallbackText,
  finalizeBlocks,
  messageBlocks,
  PART_PREFIX,
  resolvedBlocks,
  resolvedPartBlocks,
} from "../blocks.js";
import { type SlackContext, sorryFor } from "../context.js";
import { OPEN_PREFIX } from "../home.js";
import { Answer, ButtonPayload, deliver, keep, readPayload, SLACK_BUTTON } from "../inbox.js";
import type { Deps } from "../../core/use-cases/index.js";
import { type Form, formView, FORMS } from "../modals.js";
import { slackStyle } from "../style.js";
import { feedbackActions } from "../../text/index.js";

/** Failures that mean the question is settled: the message should show that, without buttons. */
const SETTLED = new Set([
  "ALREADY_ACCEPTED",
  "ALREADY_DECLINED",
  "ALREADY_RECORDED",
  "ALREADY_CLOSED",
  "EXPIRED",
  "ALREADY_MATCHED",
  "REQUEST_CLOSED",
  "MOVED_ON",
  "CANCELLED",
  "NOT_PROPOSING",
  "NOT_OPEN",
]);

/**
 * Buttons. A command button is kept in the inbox, acked, run from there through the shared path, and its message
 * is replaced in place with the outcome (no stale buttons); a click that changes nothing
 * (a double click, a replay) shows the same outcome. A failure that leaves the question
 * open is shown only to the clicker, and the buttons stay. `open:<form>` buttons open a form.
 */
export function registerActions(app: App, ctx: SlackContext): void {
  ctx.intake.register(SLACK_BUTTON, {
    run: (entry, deps, _recovered, turn) => runButton(ctx, readPayload(ButtonPayload, entry.payload), deps, turn),
    replay: async (_entry, answer, payload) => {
      const now = readPayload(ButtonPayload, payload);
      await deliver(ctx, now.responseUrl, now, readPayload(Answer, answer));
    },
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${BUTTON_PREFIX}`), async ({ ack, body, action, client }) => {
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    // The front door's "learn" and "help" open a form, which must happen while the trigger is fresh.
    const form = doorForm(action.value ?? "");
    if (form) {
      await ack();
      await ctx.later(`open ${form}`, async () => {
        const actor = await ctx.directory.actor(teamId, body.user.id, body.user.name);
        await client.views.open({ trigger_id: body.trigger_id, view: formView(form, actor.timeZone ?? "UTC") });
      });
      return;
    }
    const payload: ButtonPayload = {
      teamId,
      userId: body.user.id,
      userName: body.user.name,
      value: action.value ?? "",
      responseUrl: body.response_url,
      original: body.message?.text ?? "",
      blockId: action.block_id,
      blocks: body.message?.blocks ?? [],
      // Channel ids start with C; DMs with D, group DMs with G.
      inChannel: body.container?.is_ephemeral !== true && (body.channel?.id ?? "").startsWith("C"),
    };
    let kept: Awaited<ReturnType<typeof keep>>;
    try {
      kept = await keep(ctx, SLACK_BUTTON, teamId, body.trigger_id, payload);
    } catch (e) {
      ctx.log.error({ err: e instanceof Error ? e.message : String(e) }, "could not keep a click");
      await ack();
      await deliver(
        ctx,
        body.response_url,
        { teamId, userId: body.user.id },
        { response_type: "ephemeral", replace_original: false, text: sorryFor(e) },
      ).catch(() => undefined);
      return;
    }
    await ack();
    ctx.intake.after(kept, JSON.stringify(payload));
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${OPEN_PREFIX}`), async ({ ack, body, action, client }) => {
    await ack();
    const form = FORMS.find((f) => `${OPEN_PREFIX}${f}` === action.action_id);
    if (!form) return;
    await ctx.later(`open ${form}`, async () => {
      const actor = await ctx.directory.actor(body.team?.id ?? body.user.team_id ?? "", body.user.id, body.user.name);
      await client.views.open({ trigger_id: body.trigger_id, view: formView(form, actor.timeZone ?? "UTC") });
    });
  });
}

/** The form a front-door button opens (`learn`: the seeker's request, `help`: volunteering), or null for any other button. */
function doorForm(value: string): Form | null {
  const c = decodeButton(value);
  if (c?.kind !== "door") return null;
  return c.choice === "learn" ? "request" : c.choice === "help" ? "volunteer" : null;
}

/** Runs one kept click and answers it (see registerActions); returns the answer for replays. */
async function runButton(ctx: SlackContext, p: ButtonPayload, deps: Deps, turn: Turn): Promise<string | null> {
  const answer = async (a: Answer): Promise<string> => {
    // What is left is sending: the next request runs meanwhile.
    await turn.handOver();
    await deliver(ctx, p.responseUrl, p, a);
    return JSON.stringify(a);
  };
  try {
    const actor = await ctx.directory.actor(p.teamId, p.userId, p.userName);
    const command = decodeButton(p.value);
    if (!command)
      return answer({
        response_type: "ephemeral",
        replace_original: false,
        text: `That button is out of date. Type ${slackStyle.cmd("status")} to see what's open.`,
      });
    const view = await handle(deps, actor, command, slackStyle);
    // A front-door answer, or any answer to a click in a channel (the weekly post), is the
    // clicker's alone: the door, the welcome and the post keep their words and buttons for everyone.
    // So is a peer group's booking: the group's conversation is told by its own message, and the times stay clickable.
    if (command.kind === "door" || command.kind === "rounds_pick" || p.inChannel)
      return answer({
        response_type: "ephemeral",
        replace_original: false,
        text: fallbackText(view.text),
        blocks: messageBlocks(view.text, view.actions),
      });
    const result = view.reply && "result" in view.reply ? view.reply.result : null;
    // A question back ("which one?", "are you sure?"), a failure, or no result at all (a guest,
    // unreadable input) settles nothing: only the clicker is told, and the message keeps its buttons.
    const settled = result !== null && !isQuestion(view.reply) && (result.ok || SETTLED.has(result.code));
    if (!settled)
      return answer({
        response_type: "ephemeral",
        replace_original: false,
        text: fallbackText(view.text),
        blocks: messageBlocks(view.text, view.actions),
      });
    // After "it happened", the same message offers the rating, so feedback is one more click.
    const rate =
      view.reply?.kind === "outcome" && view.reply.outcome === "happened" && view.reply.result.ok
        ? feedbackActions(view.reply.result.value.chat.id)
        : [];
    const more = messageBlocks("", [...view.actions, ...rate]).filter((b) => b.type === "actions");
    // In a message of several notices, only the clicked part settles; the others keep their buttons.
    const part = p.blockId.startsWith(PART_PREFIX);
    const blocks = part
      ? resolvedPartBlocks(p.blocks as Block[], p.blockId, view.text, p.userId, more)
      : finalizeBlocks([...resolvedBlocks(p.original, view.text, p.userId), ...more]);
    return answer({ replace_original: true, text: fallbackText(part ? `${p.original}\n\n➜ ${view.text}` : view.text), blocks });
  } catch (e) {
    await deliver(ctx, p.responseUrl, p, { response_type: "ephemeral", replace_original: false, text: sorryFor(e) }).catch(() => undefined);
    throw e;
  }
}
