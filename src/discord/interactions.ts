import {
  MessageFlags,
  Routes,
  type REST,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type User,
} from "discord.js";
import { handle, isQuestion, type View } from "../app/handle.js";
import { USAGE, type Parsed } from "../core/commands/index.js";
import { isStoreUnavailable, type Logger } from "../core/ports/index.js";
import type { Actor, Deps } from "../core/use-cases/index.js";
import { renderProblem, STORE_UNAVAILABLE } from "../text/index.js";
import { autocomplete } from "./autocomplete.js";
import { formFields, formModal, formOf } from "./forms.js";
import { communityIdOf, decodeCustomId, memberIdOf } from "./ids.js";
import type { DiscordMessenger } from "./messenger.js";
import { parseForm, parseSlash, type Options } from "./parse.js";
import { parseAdminSlash } from "./parse-admin.js";
import { NO_MENTIONS, noticeMessage, replyOptions, settledInPlace, viewMessage, type MessageBody } from "./render.js";
import { clip } from "../text/index.js";
import { MODAL_KEYS, settingsForModal, settingsModal, settingsModalOf, submitSettingsModal } from "./settings-modal.js";
import { discordStyle } from "./style.js";
import { Gate } from "./gate.js";
import { isKnownMember } from "./membership.js";

export interface InteractionDeps {
  deps: Deps;
  /**
   * REST for the interaction's own webhook (the edit after a defer). Discord exempts these
   * token-authenticated routes from the 50/s global limit that discord.js enforces client-side,
   * so they get their own client and never queue behind DMs — or each other — under load.
   */
  hookRest: REST;
  messenger: DiscordMessenger;
  log: Logger;
  /**
   * Answer directly when the answer is ready within this many ms, else defer and edit later.
   * Discord drops interactions unanswered after 3 s; a short wait keeps one message when the
   * store is quick and a prompt acknowledgement when it is busy. Default 25 ms.
   */
  deferAfterMs?: number;
  /** Commands worked on at once; more wait (already acknowledged when they wait long). Default 2: SQLite work is synchronous and serialised anyway; raise it for PostgreSQL. */
  concurrency?: number;
}

const SEEN_MAX = 10_000;

/** What goes back to the person: the message, whether it replaces the clicked one, and any files. */
interface Answer {
  body: MessageBody;
  inPlace: boolean;
  files: { name: string; text: string }[];
}
/** Queued commands at or beyond which a new one is acknowledged at once rather than after `deferAfterMs`: with any queue it would wait anyway. */
const BACKLOG_ACK = 1;

/**
 * Routes every interaction to its handler: slash commands, buttons and menus, form submissions
 * and autocomplete. A replayed interaction (same id, e.g. after a gateway resume) is ignored;
 * a repeated click is a new interaction and the core's idempotency makes it change nothing.
 */
export class InteractionRouter {
  private readonly seen = new Set<string>();
  private readonly gate: Gate;
  constructor(private readonly o: InteractionDeps) {
    this.gate = new Gate(o.concurrency ?? 2);
  }

  async route(i: Interaction): Promise<void> {
    if (this.seen.has(i.id)) return;
    this.seen.add(i.id);
    if (this.seen.size > SEEN_MAX) this.seen.delete(this.seen.values().next().value ?? "");
    try {
      if (i.isAutocomplete()) await autocomplete(this.o.deps, i);
      else if (i.isChatInputCommand()) await this.command(i);
      else if (i.isButton() || i.isStringSelectMenu()) await this.component(i);
      else if (i.isModalSubmit()) await this.form(i);
    } catch (e) {
      const down = isStoreUnavailable(e);
      if (!down) this.o.log.error({ err: e instanceof Error ? e.message : String(e), interaction: i.id }, "discord interaction failed");
      const content = down ? STORE_UNAVAILABLE : "Something went wrong on my side — please try again in a moment.";
      if (i.isRepliable() && !i.replied && !i.deferred)
        await i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }).catch(() => undefined);
      else if (i.isRepliable() && i.deferred)
        await i.editReply({ content, components: [], allowedMentions: NO_MENTIONS }).catch(() => undefined);
    }
  }

  /** Who is acting, with the platform facts the core's admin check needs: Manage Server, and role ids (matched against `adminRoleIds`). */
  private actor(guildId: string, user: User, i: Pick<Interaction, "guildId" | "memberPermissions" | "member">): Actor {
    const here = i.guildId === guildId;
    const admin = here && i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
    const raw = here ? i.member?.roles : undefined;
    const roles = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [...raw.cache.keys()];
    return {
      communityId: communityIdOf(guildId),
      memberId: memberIdOf(guildId, user.id),
      displayName: user.globalName ?? user.username,
      ...(admin ? { platformAdmin: true } : {}),
      ...(roles.length ? { roles } : {}),
    };
  }

  private async command(i: ChatInputCommandInteraction): Promise<void> {
    const guildId = i.guildId;
    if (!guildId)
      return void (await i.reply({
        content: "Use /coffee inside a server: each server is its own community.",
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      }));
    const group = i.options.getSubcommandGroup(false);
    const sub = i.options.getSubcommand(false) ?? "help";
    const top = i.options.data[0];
    const leaf = group ? top?.options?.[0] : top;
    const opts: Record<string, string | number | boolean> = {};
    for (const o of leaf?.options ?? []) if (o.value !== undefined) opts[o.name] = o.value;
    // With no options the settings open as a form; `show:true` (or key:/value:) keeps the text path.
    const given = (name: string) => opts[name] !== undefined && String(opts[name]).trim() !== "";
    if (group === "admin" && sub === "settings" && opts.show !== true && !given("key") && !given("value"))
      return this.settingsModal(i, guildId);
    const parsed = group === "admin" ? parseAdminSlash(sub, opts, guildId) : parseSlash(sub, opts, guildId);
    if (parsed.kind === "form") return void (await i.showModal(formModal(parsed.form)));
    await this.answer(i, guildId, i.user, parsed, "reply");
  }

  /**
   * `/coffee admin settings` with no options: the settings form, prefilled, when the core's
   * show command succeeds for this actor; otherwise the core's answer (its refusal). Not gated
   * or deferred: a modal must be Discord's first response, and this is one small read.
   */
  private async settingsModal(i: ChatInputCommandInteraction, guildId: string): Promise<void> {
    const current = await settingsForModal(this.o.deps, this.actor(guildId, i.user, i));
    if (current.ok) return void (await i.showModal(settingsModal(current.settings)));
    await i.reply({ ...replyOptions(viewMessage(current.view, guildId, "UTC")), flags: MessageFlags.Ephemeral });
  }

  private async form(i: ModalSubmitInteraction): Promise<void> {
    const guildId = i.guildId;
    const opened = settingsModalOf(i.customId);
    if (guildId && (opened || i.customId === "admin-settings|")) {
      const fields: Record<string, string> = {};
      for (const id of MODAL_KEYS) {
        try {
          fields[id] = i.fields.getTextInputValue(id);
        } catch {
          // A field Discord did not send is left as it was.
        }
      }
      return this.answer(i, guildId, i.user, { kind: "admin_settings" }, "reply", (actor) =>
        submitSettingsModal(this.o.deps, actor, opened, fields),
      );
    }
    const form = formOf(i.customId);
    if (!form || !guildId)
      return void (await i.reply({
        content: "That form is out of date. Type `/coffee help`.",
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      }));
    const fields: Record<string, string> = {};
    for (const id of formFields(form)) {
      try {
        fields[id] = i.fields.getTextInputValue(id);
      } catch {
        // A field Discord did not send counts as left empty.
      }
    }
    await this.answer(i, guildId, i.user, parseForm(form, fields as Options, guildId), "reply");
  }

  private async component(i: MessageComponentInteraction): Promise<void> {
    const raw = i.isStringSelectMenu() ? (i.values[0] ?? "") : i.customId;
    const decoded = decodeCustomId(raw);
    const foreign = decoded && i.guildId === null && !(await isKnownMember(this.o.deps, decoded.guildId, i.user.id));
    if (!decoded || (i.guildId !== null && i.guildId !== decoded.guildId) || foreign) {
      return void (await i.reply({
        content: "That button is out of date. Type `/coffee status` to see what's open for you.",
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      }));
    }
    await this.answer(i, decoded.guildId, i.user, decoded.command, "update");
  }

  /**
   * Runs the command through the shared `handle` path and answers: an ephemeral reply, or for
   * a click that worked, the clicked message updated in place with the outcome and no stale
   * buttons (a click that failed gets an ephemeral reply and leaves the message alone).
   */
  private async answer(
    i: ChatInputCommandInteraction | ModalSubmitInteraction | MessageComponentInteraction,
    guildId: string,
    user: User,
    parsed: Parsed,
    mode: "reply" | "update",
    run?: (actor: Actor) => Promise<View>,
  ): Promise<void> {
    const actor = this.actor(guildId, user, i);
    const state: { deferred: Promise<unknown> | null } = { deferred: null };
    const defer = () => {
      state.deferred = (
        mode === "update" && i.isMessageComponent() ? i.deferUpdate() : i.deferReply({ flags: MessageFlags.Ephemeral })
      ).catch(() => undefined);
    };
    // When many commands are already queued this one will wait too: acknowledge at once.
    if (this.gate.backlog >= BACKLOG_ACK) defer();
    const timer = state.deferred ? undefined : setTimeout(defer, this.o.deferAfterMs ?? 25);
    let out: Answer;
    try {
      out = await this.gate.run(() => this.work(i, guildId, actor, parsed, mode, run));
    } finally {
      clearTimeout(timer);
    }
    const files = out.files.map((f) => ({ name: f.name, data: Buffer.from(f.text, "utf8") }));
    if (state.deferred) {
      await state.deferred;
      const attachments = files.map((f, n) => ({ id: n, filename: f.name }));
      const body = { ...out.body, ...(files.length ? { attachments } : {}) };
      // A failed click must not overwrite the message it came from: it gets a private follow-up instead.
      if (mode === "update" && !out.inPlace)
        await this.o.hookRest.post(Routes.webhook(i.applicationId, i.token), {
          body: { ...body, flags: MessageFlags.Ephemeral },
          files,
          auth: false,
        });
      else await this.o.hookRest.patch(Routes.webhookMessage(i.applicationId, i.token, "@original"), { body, files, auth: false });
    } else if (out.inPlace && i.isMessageComponent()) await i.update(replyOptions(out.body));
    else
      await i.reply({
        ...replyOptions(out.body),
        flags: MessageFlags.Ephemeral,
        files: files.map((f) => ({ attachment: f.data, name: f.name })),
      });
  }

  /** The answer's content: `inPlace` when a click worked and its message should show the outcome. `run` replaces the one-command path (the settings form). */
  private async work(
    i: ChatInputCommandInteraction | ModalSubmitInteraction | MessageComponentInteraction,
    guildId: string,
    actor: Actor,
    parsed: Parsed,
    mode: "reply" | "update",
    run?: (actor: Actor) => Promise<View>,
  ): Promise<Answer> {
    const view = run
      ? await run(actor)
      : ((await this.needsZone(actor, parsed)) ?? (await handle(this.o.deps, actor, parsed, discordStyle)));
    const r = view.reply;
    // Only a booked slot and the times a question names are shown as times; look the zone up just then.
    const zone =
      r?.kind === "pick" || isQuestion(r)
        ? ((await this.o.deps.store.tx((tx) => tx.getMember(actor.communityId, actor.memberId)))?.timeZone ?? "UTC")
        : "UTC";
    let body = viewMessage(view, guildId, zone);
    const inPlace = mode === "update" && i.isMessageComponent() && r !== null && r.kind !== "help" && r.result.ok && !isQuestion(r);
    if (inPlace && i.isMessageComponent()) body = settledInPlace(i.message, i.customId, body);
    // An admin export arrives as CSV attachments on the (private) answer.
    const files = r?.kind === "admin_export" && r.result.ok ? r.result.value.files.map((f) => ({ name: f.name, text: f.text })) : [];
    return { body: await this.withMissed(actor, guildId, body), inPlace, files };
  }

  /** Discord never shares a member's zone: availability without one, from someone who never gave it, asks for it. */
  private async needsZone(actor: Actor, parsed: Parsed): Promise<{ text: string; actions: []; reply: null } | null> {
    if (parsed.kind !== "availability" || parsed.timeZone !== undefined) return null;
    const m = await this.o.deps.store.tx((tx) => tx.getMember(actor.communityId, actor.memberId));
    if (m?.timeZoneConfirmed) return null;
    const text = renderProblem(
      {
        code: "MISSING",
        what: "your time zone (Discord doesn't share it with bots) — add zone:, e.g. zone:Europe/Berlin",
        usage: USAGE.availability ?? "availability",
      },
      discordStyle,
    );
    return { text, actions: [], reply: null };
  }

  /** Puts notices the member missed (DMs closed, no pair thread yet) in front of this ephemeral answer. */
  private async withMissed(actor: Actor, guildId: string, body: MessageBody): Promise<MessageBody> {
    const { member, missed } = await this.o.messenger.takeMissed(actor.communityId, actor.memberId);
    if (!member || missed.length === 0) return body;
    const parts = missed.map((n) => noticeMessage(n, [member], guildId));
    const head = `📬 Your DMs are closed, so here is what I couldn't send you:\n${parts.map((p) => p.content).join("\n\n")}\n\n`;
    return {
      content: clip(head + body.content, 2000),
      components: [...parts.flatMap((p) => p.components), ...body.components].slice(0, 5),
      allowed_mentions: NO_MENTIONS,
    };
  }
}
