import type { App, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { handle } from "../../app/handle.js";
import { isStoreUnavailable } from "../../core/ports/index.js";
import { STORE_UNAVAILABLE } from "../../text/index.js";
import { fallbackText, messageBlocks, SLACK_LIMITS } from "../blocks.js";
import { type Client, type SlackContext, sorryFor } from "../context.js";
import { fieldFor, readForm, type ViewValues } from "../forms.js";
import { publishHome } from "../home.js";
import { keep, readPayload, RequestFormPayload, SLACK_REQUEST_FORM } from "../inbox.js";
import { formOf } from "../modals.js";
import { blockOf, checkSettings, readSettings, setCommand, SETTINGS_CALLBACK, TOP_BLOCK } from "../settings-modal.js";
import { slackStyle } from "../style.js";

/**
 * Form submissions. Input problems keep the modal open with the message under the field.
 * Profile, volunteer and availability are one quick write each, so they run before the ack
 * and a refusal (a bad zone, a bad capacity) is shown in the modal too. A request means
 * matching, so it is kept in the inbox, acked, and the suggestions arrive as a DM with buttons.
 * The admin settings modal has its own path (saveSettings).
 */
export function registerViews(app: App, ctx: SlackContext): void {
  ctx.intake.register(SLACK_REQUEST_FORM, {
    // The suggestions arrive as a DM, which needs no live request: the same after a restart.
    run: async (entry, deps) => {
      const p = readPayload(RequestFormPayload, entry.payload);
      const read = readForm("request", p.values as ViewValues);
      if (!read.ok) return null;
      const actor = await ctx.directory.actor(p.teamId, p.userId, p.userName);
      const answer = await handle(deps, actor, read.command, slackStyle).catch(async (e: unknown) => {
        if (isStoreUnavailable(e)) await (await ctx.clientFor(p.teamId)).chat.postMessage({ channel: p.userId, text: STORE_UNAVAILABLE });
        throw e;
      });
      const client = await ctx.clientFor(p.teamId);
      await client.chat.postMessage({
        channel: p.userId,
        text: fallbackText(answer.text),
        blocks: messageBlocks(answer.text, answer.actions),
      });
      await publishHome(client, ctx, actor, p.userId);
      return null;
    },
    // A re-sent form was answered by DM already; the DM stands.
    replay: async () => undefined,
  });
  app.view<ViewSubmitAction>(/^percolate_/, async ({ ack, body, view, client }) => {
    if (view.callback_id === SETTINGS_CALLBACK) return saveSettings(ctx, client, ack, body);
    const form = formOf(view.callback_id);
    if (!form) return ack();
    const read = readForm(form, view.state.values as ViewValues);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const userId = body.user.id;
    if (form === "request") {
      const payload: RequestFormPayload = { teamId, userId, userName: body.user.name, values: view.state.values as ViewValues };
      let kept: Awaited<ReturnType<typeof keep>>;
      try {
        kept = await keep(ctx, SLACK_REQUEST_FORM, teamId, body.trigger_id, payload);
      } catch (e) {
        ctx.log.error({ err: e instanceof Error ? e.message : String(e) }, "could not keep a request form");
        return ack({ response_action: "errors", errors: { [fieldFor(form, "")]: sorryFor(e) } });
      }
      await ack();
      return ctx.intake.after(kept, JSON.stringify(payload));
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
