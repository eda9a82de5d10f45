import type { App, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { handle } from "../../app/handle.js";
import { isStoreUnavailable } from "../../core/ports/index.js";
import { STORE_UNAVAILABLE } from "../../text/index.js";
import { fallbackText, messageBlocks, SLACK_LIMITS } from "../blocks.js";
import type { Client, SlackContext } from "../context.js";
import { fieldFor, readForm, type ViewValues } from "../forms.js";
import { publishHome } from "../home.js";
import { formOf } from "../modals.js";
import { blockOf, checkSettings, readSettings, setCommand, SETTINGS_CALLBACK, TOP_BLOCK } from "../settings-modal.js";
import { slackStyle } from "../style.js";

/**
 * Form submissions. Input problems keep the modal open with the message under the field.
 * Profile, volunteer and availability are one quick write each, so they run before the ack
 * and a refusal (a bad zone, a bad capacity) is shown in the modal too. A request means
 * matching, so it is acked first and the suggestions arrive as a DM with buttons.
 * The admin settings modal has its own path (saveSettings).
 */
export function registerViews(app: App, ctx: SlackContext): void {
  app.view<ViewSubmitAction>(/^percolate_/, async ({ ack, body, view, client }) => {
    if (view.callback_id === SETTINGS_CALLBACK) return saveSettings(ctx, client, ack, body);
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
        const answer = await handle(ctx.deps, actor, read.command, slackStyle).catch(async (e: unknown) => {
          if (isStoreUnavailable(e)) await client.chat.postMessage({ channel: userId, text: STORE_UNAVAILABLE });
          throw e;
        });
        await client.chat.postMessage({
          channel: userId,
          text: fallbackText(answer.text),
          blocks: messageBlocks(answer.text, answer.actions),
        });
        await publishHome(client, ctx, actor, userId);
      });
    }
    const actor = await ctx.directory.actor(teamId, userId, body.user.name);
    const answer = await handle(ctx.deps, actor, read.command, slackStyle).catch((e: unknown) => {
      if (!isStoreUnavailable(e)) throw e;
      return null;
    });
    // The database cannot take writes: the modal says so, and what was typed is not lost from view.
    if (!answer) return ack({ response_action: "errors", errors: { [fieldFor(form, "")]: STORE_UNAVAILABLE } });
    const result = answer.reply && "result" in answer.reply ? answer.reply.result : null;
    if (result && !result.ok) return ack({ response_action: "errors", errors: { [fieldFor(form, result.code)]: answer.text } });
    await ack({
      response_action: "update",
      view: {
        type: "modal",
        title: { type: "plain_text", text: "Saved" },
        close: { type: "plain_text", text: "Done" },
        blocks: messageBlocks(answer.text, [], [], SLACK_LIMITS.viewBlocks),
      },
    });
    await ctx.later("refresh home", async () => publishHome(client, ctx, actor, userId));
  });
}

type Submit = SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * The admin settings modal. Each edited field becomes one `admin settings <key> <value>`
 * command through the shared path, so rights and validation stay in the core. All fields are
 * checked with the core's settings rules first: one bad field keeps the modal open with the
 * reason under it, and nothing is saved. Then the modal closes and a DM lists what changed.
 */
async function saveSettings(ctx: SlackContext, client: Client, ack: Submit["ack"], body: ViewSubmitAction): Promise<void> {
  const teamId = body.team?.id ?? body.user.team_id ?? "";
  const userId = body.user.id;
  const actor = await ctx.directory.actor(teamId, userId, body.user.name);
  const current = await handle(ctx.deps, actor, { kind: "admin_settings" }, slackStyle);
  if (current.reply?.kind !== "admin_settings" || !current.reply.result.ok)
    return ack({ response_action: "errors", errors: { [TOP_BLOCK]: current.text } });
  const settings = current.reply.result.value.settings;
  const changes = readSettings(body.view.state.values as ViewValues, body.view.private_metadata, settings);
  const problems = checkSettings(settings, changes);
  if (Object.keys(problems).length) return ack({ response_action: "errors", errors: problems });
  const saved: string[] = [];
  for (const change of changes) {
    const answer = await handle(ctx.deps, actor, setCommand(change), slackStyle);
    const result = answer.reply && "result" in answer.reply ? answer.reply.result : null;
    if (result && !result.ok) return ack({ response_action: "errors", errors: { [blockOf(change.key)]: answer.text } });
    saved.push(answer.text);
  }
  await ack({ response_action: "clear" });
  const text = saved.length
    ? `⚙️ Settings saved:\n${saved.map((l) => `• ${l}`).join("\n")}`
    : "⚙️ Nothing changed — the settings are as they were.";
  await ctx.later("settings saved", () =>
    client.chat.postMessage({ channel: userId, text: fallbackText(text), blocks: messageBlocks(text, []) }),
  );
}
