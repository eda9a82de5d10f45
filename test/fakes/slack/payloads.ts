import { randomUUID } from "node:crypto";
import type { BlockAction, ButtonAction, SlashCommand, ViewSubmitAction } from "@slack/bolt";
import type { FakeSlack } from "./server.js";
import type { FakeMessage, FakeUser } from "./web-api.js";

/** A button as found in a message's blocks. */
export interface FoundButton {
  blockId: string;
  actionId: string;
  value: string;
  label: string;
}

/** Every button in a list of Block Kit blocks. */
export function buttonsIn(blocks: unknown): FoundButton[] {
  const out: FoundButton[] = [];
  for (const b of Array.isArray(blocks) ? (blocks as Record<string, unknown>[]) : []) {
    if (b.type !== "actions" || !Array.isArray(b.elements)) continue;
    for (const e of b.elements as Record<string, unknown>[]) {
      if (e.type !== "button") continue;
      const text = e.text as { text?: string } | undefined;
      out.push({
        blockId: String(b.block_id ?? ""),
        actionId: String(e.action_id ?? ""),
        value: String(e.value ?? ""),
        label: text?.text ?? "",
      });
    }
  }
  return out;
}

const trigger = () => `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomUUID().slice(0, 8)}`;

/** A `/coffee <text>` slash command as Slack sends it. */
export function slashCommand(fake: FakeSlack, u: FakeUser, text: string, command = "/coffee"): SlashCommand {
  return {
    token: "verification-token-unused",
    team_id: u.team,
    team_domain: u.team.toLowerCase(),
    channel_id: "C0GENERAL",
    channel_name: "general",
    user_id: u.id,
    user_name: u.name,
    command,
    text,
    api_app_id: "A0FAKE",
    is_enterprise_install: "false",
    response_url: fake.responseUrl(),
    trigger_id: trigger(),
  };
}

/** A click on a button, in a posted message (edited through its response_url) or an ephemeral one. */
export function blockAction(fake: FakeSlack, u: FakeUser, b: FoundButton, message?: FakeMessage): BlockAction<ButtonAction> {
  const ts = `${Math.floor(Date.now() / 1000)}.000100`;
  return {
    type: "block_actions",
    team: { id: u.team, domain: u.team.toLowerCase() },
    user: { id: u.id, username: u.name, name: u.name, team_id: u.team },
    api_app_id: "A0FAKE",
    token: "verification-token-unused",
    container: message
      ? { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false }
      : { type: "message", message_ts: ts, channel_id: "C0GENERAL", is_ephemeral: true },
    trigger_id: trigger(),
    ...(message
      ? {
          channel: { id: message.channel, name: "directmessage" },
          message: { type: "message", user: "UBOT", ts: message.ts, text: message.text, blocks: message.blocks },
        }
      : {}),
    response_url: fake.responseUrl(message),
    is_enterprise_install: false,
    actions: [
      {
        type: "button",
        action_id: b.actionId,
        block_id: b.blockId,
        text: { type: "plain_text", text: b.label },
        value: b.value,
        action_ts: ts,
      },
    ],
  };
}

type Values = ViewSubmitAction["view"]["state"]["values"];

/** A modal submitted with these input values (block id → action id → state). */
export function viewSubmission(u: FakeUser, callbackId: string, values: Values): ViewSubmitAction {
  return {
    type: "view_submission",
    team: { id: u.team, domain: u.team.toLowerCase() },
    user: { id: u.id, name: u.name, team_id: u.team },
    api_app_id: "A0FAKE",
    token: "verification-token-unused",
    trigger_id: trigger(),
    view: {
      id: "V0MODAL",
      team_id: u.team,
      type: "modal",
      callback_id: callbackId,
      private_metadata: "",
      title: { type: "plain_text", text: "Form" },
      blocks: [],
      state: { values },
      hash: "1712345678.abcdef",
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      root_view_id: "V0MODAL",
      app_id: "A0FAKE",
      external_id: "",
      app_installed_team_id: u.team,
      bot_id: "BBOT",
      previous_view_id: null,
    },
    response_urls: [],
  };
}

/** Plain text input state, the way a view submission carries it. */
export const textValue = (value: string) => ({ value: { type: "plain_text_input", value } });

/** An Events API delivery of `event` in the member's workspace, as Slack wraps every event. */
function eventCallback(u: FakeUser, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: "verification-token-unused",
    team_id: u.team,
    api_app_id: "A0FAKE",
    type: "event_callback",
    event_id: `Ev${randomUUID().slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: u.team, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    event,
  };
}

/** The app_home_opened event as the Events API delivers it. */
export function homeOpened(u: FakeUser): Record<string, unknown> {
  return eventCallback(u, { type: "app_home_opened", user: u.id, channel: "D0HOME", tab: "home", event_ts: `${Date.now() / 1000}` });
}

/** A `user_change` event: the member was deactivated (left the workspace) when `deleted`. */
export function userChanged(u: FakeUser, deleted: boolean): Record<string, unknown> {
  return eventCallback(u, {
    type: "user_change",
    user: { id: u.id, team_id: u.team, name: u.name, deleted, tz: u.tz },
    cache_ts: Math.floor(Date.now() / 1000),
    event_ts: `${Date.now() / 1000}`,
  });
}

/** A `member_joined_channel` or `member_left_channel` event: the person joined or left a channel of their workspace. */
export function channelMembership(u: FakeUser, channel: string, joined: boolean): Record<string, unknown> {
  return eventCallback(u, {
    type: joined ? "member_joined_channel" : "member_left_channel",
    user: u.id,
    channel,
    channel_type: "C",
    team: u.team,
    event_ts: `${Date.now() / 1000}`,
  });
}
