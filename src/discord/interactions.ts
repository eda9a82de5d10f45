import {
  MessageFlags,
  type REST,
  PermissionFlagsBits,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type User,
} from "discord.js";
import { handle, isQuestion } from "../app/handle.js";
import { Intake } from "../app/intake.js";
import { type Turn, WorkQueue } from "../app/work-queue.js";
import type { Parsed } from "../core/commands/index.js";
import { isStoreUnavailable, type Logger } from "../core/ports/index.js";
import type { Actor, Deps } from "../core/use-cases/index.js";
import { STORE_UNAVAILABLE } from "../text/index.js";
import { autocomplete } from "./autocomplete.js";
import { formFields, formModal, formOf } from "./forms.js";
import { type Answer, answerLate, type Live, replyLive, replyPrivately } from "./answer.js";
import { DISCORD_INTERACTION, type InteractionPayload, payloadOf, readInteraction } from "./inbox.js";
import { communityIdOf, decodeCustomId, memberIdOf } from "./ids.js";
import type { DiscordMessenger } from "./messenger.js";
import { parseAdminSlash, parseForm, parseSlash, type Options } from "./parse.js";

import { isKnownMember } from "./membership.js";
import { withMissed } from "./missed.js";
import { needsZone } from "./zone.js";
import { NO_MENTIONS, settledInPlace, viewMessage } from "./render.js";
import { MODAL_KEYS, settingsForModal, settingsModal, settingsModalOf, submitSettingsModal } from "./settings-modal.js";
import { discordStyle } from "./style.js";

export interface InteractionDeps {
  deps: Deps;
  /**
   * REST for the interaction's own webhook (the edit after a defer). Discord exempts these
   * token-authenticated routes from the 50/s global limit that discord.js enforces client-side,
   * so they get their own client and never queue behind DMs — or each other — under load.
   */
  hookRest: REST;
  /** The bot's authenticated REST, for a DM when an interaction's own token no longer answers. */
  rest: REST;
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
  /** How long a kept interaction stays with this process before another may take it over (ms). Default 30 s. */
  leaseMs?: number;
}

const SEEN_MAX = 10_000;
/** Queued commands at or beyond which a new one is acknowledged at once rather than after `deferAfterMs`: with any queue it would wait anyway. */
const BACKLOG_ACK = 1;

/**
 * Routes every interaction to its handler: slash commands, buttons and menus, form submissions
 * and autocomplete. Every command, click and form is kept in the inbox before Discord hears
 * back (the reply or the defer is the acknowledgement) and run from there once; one kept by a
 * process that died is answered by whoever takes it over, through the interaction's webhook
 * or, when that is gone, by DM. A replayed interaction (same id, e.g. after a gateway resume)
 * is recognised and changes nothing; a repeated click is a new interaction and the core's
 * idempotency makes it change nothing.
 */
export class InteractionRouter {
  private readonly seen = new Set<string>();
  private readonly queue: WorkQueue;
  /** Keeps interactions before they are acknowledged; start()/stop() recover and drain it. */
  readonly intake: Intake;
  private readonly live = new Map<string, Live>();
  private closing = false;
  constructor(private readonly o: InteractionDeps) {
    this.queue = new WorkQueue(o.concurrency ?? 2, o.log);
    this.intake = new Intake({ deps: o.deps, queue: this.queue, name: "discord", leaseMs: o.leaseMs ?? 30_000 });
    this.intake.register(DISCORD_INTERACTION, {
      run: (entry, deps, _recovered, turn) => this.run(entry.id, readInteraction(entry.payload), deps, turn),
      // Discord never re-sends an interaction it saw answered; a gateway replay needs nothing more.
      replay: async () => undefined,
    });
  }

  /** Stops taking new interactions (graceful stop); those already kept still run. */
  close(): void {
    this.closing = true;
  }

  async route(i: Interaction): Promise<void> {
    if (this.closing || this.seen.has(i.id)) return;
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
    await replyPrivately(i, viewMessage(current.view, guildId, "UTC"));
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
      return this.answer(i, guildId, i.user, { kind: "admin_settings" }, "reply", { opened, fields });
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
    const kind = decoded.command.kind;
    const door = kind === "door" ? decoded.command.choice : null;
    // The front door's "learn" and "help" open a form (a modal must be the click's first answer);
    // its other answers, and those to the weekly post's buttons in the channel, go to the clicker
    // alone: the door and the post keep their words and buttons for everyone.
    if (door === "learn" || door === "help") return void (await i.showModal(formModal(door === "learn" ? "request" : "volunteer")));
    // A peer group's booking is told in the group's thread by its own message; the times stay for everyone.
    const shared = door !== null || kind === "offer_topic" || kind === "rounds_pick" || (kind === "rounds_join" && i.guildId !== null);
    await this.answer(i, decoded.guildId, i.user, decoded.command, shared ? "reply" : "update");
  }

  /**
   * Keeps the interaction, then queues it: the answer comes as a direct reply when it is ready
   * within `deferAfterMs`, else the interaction is deferred and the answer edited in later.
   */
  private async answer(
    i: ChatInputCommandInteraction | ModalSubmitInteraction | MessageComponentInteraction,
    guildId: string,
    user: User,
    parsed: Parsed,
    mode: "reply" | "update",
    settings?: InteractionPayload["settings"],
  ): Promise<void> {
    const payload = payloadOf(i, guildId, user.id, this.actor(guildId, user, i), parsed, mode, settings);
    const json = JSON.stringify(payload);
    const kept = await this.intake.keep({
      id: `discord:${i.id}`,
      communityId: payload.actor.communityId,
      kind: DISCORD_INTERACTION,
      payload: json,
    });
    // Seen before (a replay across a restart or by another process): the first one answers it.
    if (!kept.fresh) return;
    const live: Live = { i, state: { deferred: null }, timer: undefined };
    const defer = () => {
      live.state.deferred = (
        mode === "update" && i.isMessageComponent() ? i.deferUpdate() : i.deferReply({ flags: MessageFlags.Ephemeral })
      ).catch(() => undefined);
    };
    // When many commands are already queued this one will wait too: acknowledge at once.
    if (this.queue.backlog >= BACKLOG_ACK) defer();
    else live.timer = setTimeout(defer, this.o.deferAfterMs ?? 25);
    this.live.set(kept.entry.id, live);
    this.intake.after(kept, json);
  }

  /** Runs one kept interaction and answers it: through the live interaction when this process acknowledged it, else through its webhook or a DM. */
  private async run(id: string, p: InteractionPayload, deps: Deps, turn: Turn): Promise<string | null> {
    const live = this.live.get(id);
    this.live.delete(id);
    try {
      const out = await this.work(p, deps);
      // What is left is sending: the next command runs meanwhile. The defer stays armed until
      // then, in case every sender is busy for a while.
      await turn.handOver();
      clearTimeout(live?.timer);
      if (live) await replyLive(this.o.hookRest, live, p, out);
      else await answerLate(this.o.hookRest, this.o.rest, this.o.log, p, out);
      return null;
    } catch (e) {
      clearTimeout(live?.timer);
      const down = isStoreUnavailable(e);
      if (!down) this.o.log.error({ err: e instanceof Error ? e.message : String(e), interaction: id }, "discord interaction failed");
      const content = down ? STORE_UNAVAILABLE : "Something went wrong on my side — please try again in a moment.";
      if (live?.state.deferred) {
        await live.state.deferred;
        await live.i.editReply({ content, components: [], allowedMentions: NO_MENTIONS }).catch(() => undefined);
      } else if (live && !live.i.replied)
        await live.i.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }).catch(() => undefined);
      throw e;
    }
  }

  /** The answer's content: `inPlace` when a click worked and its message should show the outcome. Settings form fields replace the one-command path. */
  private async work(p: InteractionPayload, deps: Deps): Promise<Answer> {
    const { actor, parsed, guildId, mode } = p;
    const view = p.settings
      ? await submitSettingsModal(deps, actor, p.settings.opened, p.settings.fields)
      : ((await needsZone(deps, actor, parsed)) ?? (await handle(deps, actor, parsed, discordStyle)));
    const r = view.reply;
    // Only a booked slot and the times a question names are shown as times; look the zone up just then.
    const zone =
      r?.kind === "pick" || r?.kind === "rounds_pick" || isQuestion(r)
        ? ((await deps.store.tx((tx) => tx.getMember(actor.communityId, actor.memberId)))?.timeZone ?? "UTC")
        : "UTC";
    let body = viewMessage(view, guildId, zone);
    const inPlace = mode === "update" && p.component && r !== null && r.kind !== "help" && r.result.ok && !isQuestion(r);
    if (inPlace) body = settledInPlace({ content: p.original, components: p.rows.map((row) => ({ toJSON: () => row })) }, p.customId, body);
    // An admin export arrives as CSV attachments on the (private) answer.
    const files = r?.kind === "admin_export" && r.result.ok ? r.result.value.files.map((f) => ({ name: f.name, text: f.text })) : [];
    return { body: await withMissed(this.o.messenger, actor, guildId, body), inPlace, files };
  }
}
