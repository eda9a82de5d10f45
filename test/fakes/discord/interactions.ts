import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
} from "discord-api-types/v10";
import { snowflake } from "./rest.js";

/** Who clicks or types: a user id and the name others see. */
export interface FakeUser {
  id: string;
  name: string;
  /** Holds Manage Server in the guild (a platform admin). */
  admin?: boolean;
  /** Role ids the member holds in the guild. */
  roles?: string[];
}

/** A slash-command option value: text, a number, or a user mention (`{ user }`). */
export type OptionValue = string | number | boolean | { user: FakeUser };

const ALL_PERMISSIONS = "2251799813685247";

const apiUser = (u: FakeUser) => ({
  id: u.id,
  username: u.name.toLowerCase().replace(/\W/g, ""),
  discriminator: "0",
  avatar: null,
  global_name: u.name,
});

interface Where {
  applicationId: string;
  guildId: string | null;
  channelId: string;
  user: FakeUser;
}

/** The fields every interaction payload carries, in a guild (member) or a DM (user). */
function base(type: InteractionType, w: Where): Record<string, unknown> {
  const common = {
    id: snowflake(),
    application_id: w.applicationId,
    type,
    token: `tok-${snowflake()}`,
    version: 1,
    locale: "en-US",
    app_permissions: ALL_PERMISSIONS,
    entitlements: [],
    attachment_size_limit: 8 * 1024 * 1024,
    channel_id: w.channelId,
  };
  if (w.guildId === null) {
    return {
      ...common,
      user: apiUser(w.user),
      channel: { id: w.channelId, type: 1 },
      context: InteractionContextType.BotDM,
      authorizing_integration_owners: { "1": w.user.id },
    };
  }
  return {
    ...common,
    guild_id: w.guildId,
    guild_locale: "en-US",
    guild: { id: w.guildId, locale: "en-US", features: [] },
    channel: { id: w.channelId, type: 0, name: "general", guild_id: w.guildId },
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { "0": w.guildId },
    member: {
      user: apiUser(w.user),
      roles: w.user.roles ?? [],
      permissions: w.user.admin ? ALL_PERMISSIONS : "1024",
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
    },
  };
}

function options(opts: Record<string, OptionValue>, focused?: string) {
  const users: Record<string, unknown> = {};
  const list = Object.entries(opts).map(([name, v]) => {
    const f = name === focused ? { focused: true } : {};
    if (typeof v === "object") {
      users[v.user.id] = apiUser(v.user);
      return { name, type: ApplicationCommandOptionType.User, value: v.user.id, ...f };
    }
    const type =
      typeof v === "number"
        ? ApplicationCommandOptionType.Integer
        : typeof v === "boolean"
          ? ApplicationCommandOptionType.Boolean
          : ApplicationCommandOptionType.String;
    return { name, type: focused === name ? ApplicationCommandOptionType.String : type, value: v, ...f };
  });
  return { list, users };
}

/**
 * `/coffee <sub> name:value …` (type 2), or its autocomplete (type 4) when `focused` names an
 * option. `sub` may name a group too: "admin stats".
 */
export function commandPayload(w: Where, sub: string, opts: Record<string, OptionValue>, focused?: string): Record<string, unknown> {
  const { list, users } = options(opts, focused);
  const [first = "", second] = sub.split(" ");
  const group = second ? first : null;
  const leaf = { name: second ?? first, type: ApplicationCommandOptionType.Subcommand, options: list };
  const type = focused ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand;
  return {
    ...base(type, w),
    data: {
      id: "100000000000000001",
      name: "coffee",
      type: ApplicationCommandType.ChatInput,
      options: [group ? { name: group, type: ApplicationCommandOptionType.SubcommandGroup, options: [leaf] } : leaf],
      ...(Object.keys(users).length ? { resolved: { users } } : {}),
    },
  };
}

/** A click on a button (or a choice in a select menu) under `message`. */
export function componentPayload(
  w: Where,
  message: { id: string; content: string; components: unknown[] },
  customId: string,
  values?: string[],
): Record<string, unknown> {
  return {
    ...base(InteractionType.MessageComponent, w),
    message: {
      id: message.id,
      channel_id: w.channelId,
      type: 0,
      content: message.content,
      components: message.components,
      author: { id: w.applicationId, username: "Percolate", discriminator: "0", avatar: null, global_name: null, bot: true },
      attachments: [],
      embeds: [],
      mentions: [],
      mention_roles: [],
      pinned: false,
      mention_everyone: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    },
    data: values
      ? { custom_id: customId, component_type: ComponentType.StringSelect, values }
      : { custom_id: customId, component_type: ComponentType.Button },
  };
}

/** A submitted modal with its text fields. */
export function modalPayload(w: Where, customId: string, fields: Record<string, string>): Record<string, unknown> {
  return {
    ...base(InteractionType.ModalSubmit, w),
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: id, value }],
      })),
    },
  };
}
