import type { App } from "@slack/bolt";
import { handle } from "../../app/handle.js";
import { messageBlocks } from "../blocks.js";
import type { SlackContext } from "../context.js";
import { fieldFor, readForm, type ViewValues } from "../forms.js";
import { publishHome } from "../home.js";
import { formOf } from "../modals.js";
import { slackStyle } from "../style.js";

/**
 * Form submissions. Input problems keep the modal open with the message under the field.
 * Profile, volunteer and availability are one quick write each, so they run before the ack
 * and a refusal (a bad zone, a bad capacity) is shown in the modal too. A request means
 * matching, so it is acked first and the suggestions arrive as a DM with buttons.
 */
export function registerViews(app: App, ctx: SlackContext): void {
  app.view(/^percolate_/, async ({ ack, body, view, client }) => {
    const form = formOf(view.callback_id);
    if (!form) return ack();
    const read = readForm(form, view.state.values as ViewValues);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const userId = body.user.id;
    if (form === "request") {
      await ack();
      return ctx.later("request form", async () => {
        const actor = await ctx.directory.actor(teamId, userId, body.user.name);
        const answer = await handle(ctx.deps, actor, read.command, slackStyle);
        await client.chat.postMessage({ channel: userId, text: answer.text, blocks: messageBlocks(answer.text, answer.actions) });
        await publishHome(client, ctx, actor, userId);
      });
    }
    const actor = await ctx.directory.actor(teamId, userId, body.user.name);
    const answer = await handle(ctx.deps, actor, read.command, slackStyle);
    const result = answer.reply && "result" in answer.reply ? answer.reply.result : null;
    if (result && !result.ok) return ack({ response_action: "errors", errors: { [fieldFor(form, result.code)]: answer.text } });
    await ack({
      response_action: "update",
      view: { type: "modal", title: { type: "plain_text", text: "Saved" }, close: { type: "plain_text", text: "Done" }, blocks: messageBlocks(answer.text, []) },
    });
    await ctx.later("refresh home", async () => publishHome(client, ctx, actor, userId));
  });
}
