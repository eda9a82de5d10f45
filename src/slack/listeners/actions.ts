import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { handle, isQuestion } from "../../app/handle.js";
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
import { formView, FORMS } from "../modals.js";
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
 * Buttons. A command button is acked at once, run through the shared path, and its message
 * is replaced in place with the outcome (no stale buttons); a click that changes nothing
 * (a double click, a replay) shows the same outcome. A failure that leaves the question
 * open is shown only to the clicker, and the buttons stay. `open:<form>` buttons open a form.
 */
export function registerActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${BUTTON_PREFIX}`), async ({ ack, body, action, respond }) => {
    await ack();
    await ctx.later(`button ${action.value ?? ""}`, async () => {
      try {
        const teamId = body.team?.id ?? body.user.team_id ?? "";
        const actor = await ctx.directory.actor(teamId, body.user.id, body.user.name);
        const command = decodeButton(action.value ?? "");
        if (!command) {
          await respond({
            response_type: "ephemeral",
            replace_original: false,
            text: `That button is out of date. Type ${slackStyle.cmd("status")} to see what's open.`,
          });
          return;
        }
        const view = await handle(ctx.deps, actor, command, slackStyle);
        const result = view.reply && "result" in view.reply ? view.reply.result : null;
        // A question back ("which one?", "are you sure?"), a failure, or no result at all (a guest,
        // unreadable input) settles nothing: only the clicker is told, and the message keeps its buttons.
        const settled = result !== null && !isQuestion(view.reply) && (result.ok || SETTLED.has(result.code));
        if (!settled) {
          await respond({
            response_type: "ephemeral",
            replace_original: false,
            text: fallbackText(view.text),
            blocks: messageBlocks(view.text, view.actions),
          });
          return;
        }
        const original = body.message?.text ?? "";
        // After "it happened", the same message offers the rating, so feedback is one more click.
        const rate =
          view.reply?.kind === "outcome" && view.reply.outcome === "happened" && view.reply.result.ok
            ? feedbackActions(view.reply.result.value.chat.id)
            : [];
        const more = messageBlocks("", [...view.actions, ...rate]).filter((b) => b.type === "actions");
        // In a message of several notices, only the clicked part settles; the others keep their buttons.
        const part = action.block_id.startsWith(PART_PREFIX);
        const blocks = part
          ? resolvedPartBlocks((body.message?.blocks ?? []) as Block[], action.block_id, view.text, body.user.id, more)
          : finalizeBlocks([...resolvedBlocks(original, view.text, body.user.id), ...more]);
        await respond({ replace_original: true, text: fallbackText(part ? `${original}\n\n➜ ${view.text}` : view.text), blocks });
      } catch (e) {
        await respond({ response_type: "ephemeral", replace_original: false, text: sorryFor(e) }).catch(() => undefined);
        throw e;
      }
    });
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
