import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow } from "discord-api-types/v10";
import type { View } from "../app/handle.js";
import type { Member, Notice, Slot } from "../core/domain/index.js";
import { formatSlot } from "../core/time/index.js";
import { clip, noticeActions, renderSharedNotice, splitText, type Action } from "../text/index.js";
import { encodeCustomId } from "./ids.js";
import { discordStyle } from "./style.js";

/** Who a message may notify: nobody by default; the pair in their own thread by id. */
export interface AllowedMentions {
  parse: [];
  users?: string[];
}

/** What a Discord message carries: text, rows of components, and who it may notify (REST field names). */
export interface MessageBody {
  content: string;
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: AllowedMentions;
}

/** Discord's message limits (discord.com/developers/docs/resources/message, /interactions/message-components). */
export const DISCORD_LIMITS = {
  content: 2000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  optionLabel: 100,
  optionDescription: 100,
  customId: 100,
  placeholder: 150,
} as const;

const MAX_CONTENT = DISCORD_LIMITS.content;

/** No @everyone, @here, roles or users: nothing a message says can ping anyone. */
export const NO_MENTIONS: AllowedMentions = { parse: [] };

/** A body's content and components as discord.js reply/update options, mentions off. */
export function replyOptions(b: MessageBody): {
  content: string;
  components: MessageBody["components"];
  allowedMentions: { parse: []; users?: string[] };
} {
  return { content: b.content, components: b.components, allowedMentions: b.allowed_mentions };
}

/**
 * A body as the messages Discord takes: its content in parts of at most 2,000 characters, cut
 * at line breaks (`splitText`), the components on the last part, so the buttons come after
 * everything they act on; each part may notify the same people. Every send path posts these.
 */
export function messageParts(b: MessageBody): MessageBody[] {
  const texts = splitText(b.content, MAX_CONTENT);
  return texts.map((content, n) => ({
    content,
    components: n === texts.length - 1 ? b.components : [],
    allowed_mentions: b.allowed_mentions,
  }));
}

/** `<t:unix:F>`: Discord shows it in each reader's own zone, which it knows and we don't. */
export const stamp = (d: Date): string => `<t:${Math.floor(d.getTime() / 1000)}:F>`;

/** Replaces every slot written in `zone` with a Discord timestamp, so each person sees their own time. */
export function withTimestamps(text: string, slots: readonly Slot[], zone: string): string {
  let out = text;
  for (const s of slots) out = out.split(formatSlot(s, zone)).join(`${stamp(s.start)} (<t:${Math.floor(s.start.getTime() / 1000)}:R>)`);
  return out;
}

/** The slots a notice shows, for timestamp rewriting. */
export function slotsOf(n: Notice): Slot[] {
  if (n.kind === "slots_proposed" || n.kind === "round_paired") return n.slots;
  if (n.kind === "round_booked") return n.previous ? [n.slot, n.previous] : [n.slot];
  if ("slot" in n) return [n.slot];
  return [];
}

/** Buttons in rows of five (Discord's limit), each carrying its guild and command in custom_id. */
export function actionRows(actions: readonly Action[], guildId: string): MessageBody["components"] {
  const rows: MessageBody["components"] = [];
  const per = DISCORD_LIMITS.buttonsPerRow;
  for (let i = 0; i < actions.length && rows.length < DISCORD_LIMITS.actionRows; i += per) {
    rows.push({
      type: ComponentType.ActionRow,
      components: actions.slice(i, i + per).map((a) => ({
        type: ComponentType.Button,
        custom_id: encodeCustomId(guildId, a.command).slice(0, DISCORD_LIMITS.customId),
        label: clip(a.label, DISCORD_LIMITS.buttonLabel),
        style: a.style === "primary" ? ButtonStyle.Primary : a.style === "danger" ? ButtonStyle.Danger : ButtonStyle.Secondary,
      })),
    });
  }
  return rows;
}

/** A select menu of proposed times: one choice, shown in the reader's zone, that runs `pick`. */
function slotMenu(n: Extract<Notice, { kind: "slots_proposed" }>, reader: Member, guildId: string): MessageBody["components"] {
  const actions = noticeActions(n, reader);
  if (actions.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `${guildId}|slot|${n.chatId}`,
          placeholder: "Pick a time",
          options: actions.slice(0, DISCORD_LIMITS.selectOptions).map((a, i) => ({
            label: clip(a.label, DISCORD_LIMITS.optionLabel),
            value: encodeCustomId(guildId, a.command),
            description: clip(`Option ${i + 1} · ${reader.timeZone}`, DISCORD_LIMITS.optionDescription),
          })),
        },
      ],
    },
  ];
}

/**
 * A notice as a Discord message for `readers` (one for a DM; the pair in their thread, who are
 * mentioned). Times become Discord timestamps; buttons and menus carry the command to run.
 * Its content may pass 2,000 characters: the messenger posts it in parts (`messageParts`).
 */
export function noticeMessage(n: Notice, readers: readonly Member[], guildId: string, mention: readonly string[] = []): MessageBody {
  const reader = readers[0];
  if (!reader) throw new Error("a notice needs a reader");
  let text = withTimestamps(renderSharedNotice(n, readers, discordStyle), slotsOf(n), reader.timeZone);
  if (n.kind === "chat_scheduled" || n.kind === "round_booked")
    text = text.replace(/\n.*Calendar invite attached.*$/m, "\n   📎 The calendar invite (.ics) is attached.");
  const prefix = mention.length ? `${mention.map((u) => `<@${u}>`).join(" ")} ` : "";
  const components = n.kind === "slots_proposed" ? slotMenu(n, reader, guildId) : actionRows(noticeActions(n, reader), guildId);
  return {
    content: prefix + text,
    components,
    allowed_mentions: mention.length ? { parse: [], users: [...mention] } : NO_MENTIONS,
  };
}

/** The times a "which one?" or "are you sure?" answer names, for timestamp rewriting. */
function questionSlots(r: View["reply"]): Slot[] {
  if (r?.kind === "confirm" && r.result.ok) return r.result.value.chats.flatMap((c) => (c.slot ? [c.slot] : []));
  if (r?.kind === "which" && r.result.ok) return r.result.value.options.flatMap((o) => (o.slot ? [o.slot] : []));
  return [];
}

/**
 * Several notices due together for one reader as one message: each part's words in turn with
 * its own buttons or menu below. Null when they do not fit one Discord message (2000
 * characters, five rows); the messenger then posts the parts one by one.
 */
export function noticesMessage(parts: readonly Notice[], readers: readonly Member[], guildId: string): MessageBody | null {
  const [only] = parts;
  if (parts.length === 1 && only) return noticeMessage(only, readers, guildId);
  const bodies = parts.map((n) => noticeMessage(n, readers, guildId));
  const content = bodies.map((b) => b.content).join("\n\n");
  const components = bodies.flatMap((b) => b.components);
  return content.length <= MAX_CONTENT && components.length <= 5 ? { content, components, allowed_mentions: NO_MENTIONS } : null;
}

/**
 * The rows of a clicked message that stay usable: every row except the one holding the
 * clicked control, so in a message of several notices the other parts still work.
 */
export function otherRows(rows: readonly { type: number; components?: readonly unknown[] }[], clicked: string): MessageBody["components"] {
  return rows.filter(
    (r): r is MessageBody["components"][number] =>
      r.type === ComponentType.ActionRow &&
      !(r.components ?? []).some((c) => typeof c === "object" && c !== null && (c as { custom_id?: unknown }).custom_id === clicked),
  );
}

/**
 * A clicked message updated in place: its words plus the outcome; the clicked row settles,
 * other notices' rows stay. Beyond 2,000 characters the outcome follows in a message of its own.
 */
export function settledInPlace(
  message: { content: string; components: readonly { toJSON(): unknown }[] },
  clicked: string,
  answer: MessageBody,
): MessageBody {
  const kept = otherRows(
    message.components.map((r) => r.toJSON() as { type: number; components?: readonly unknown[] }),
    clicked,
  );
  return {
    content: `${message.content}\n\n➜ ${answer.content}`,
    components: [...kept, ...answer.components].slice(0, 5),
    allowed_mentions: NO_MENTIONS,
  };
}

/** The answer to the person who acted, as an (ephemeral) message, however long: the send path splits it. */
export function viewMessage(v: View, guildId: string, zone: string): MessageBody {
  const r = v.reply;
  const booked =
    r?.kind === "pick" && r.result.ok
      ? r.result.value.chat.slot
      : r?.kind === "rounds_pick" && r.result.ok
        ? r.result.value.group.slot
        : null;
  const slots = booked ? [booked] : questionSlots(r);
  return {
    content: withTimestamps(v.text, slots, zone),
    components: actionRows(v.actions, guildId),
    allowed_mentions: NO_MENTIONS,
  };
}

/** A pair's (or a peer group's) thread name: the people, as Discord shows names (at most 100 characters). */
export function threadName(pair: readonly Member[]): string {
  const name = `☕ ${pair.map((m) => m.displayName).join(" & ")}`;
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`;
}
