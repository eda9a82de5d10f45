import type { AutocompleteInteraction } from "discord.js";
import { SYNTAX } from "../core/commands/index.js";
import type { Deps } from "../core/use-cases/index.js";
import { vocabulary } from "../core/use-cases/shared/vocabulary.js";
import { communityIdOf } from "./ids.js";

const ZONES: readonly string[] = [...Intl.supportedValuesOf("timeZone"), "UTC"];
const MAX = 25;

/** IANA zones containing every word typed, cities first; Discord shows up to 25. */
export function zoneChoices(typed: string): { name: string; value: string }[] {
  const words = typed
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const hits = ZONES.filter((z) => {
    const hay = z.toLowerCase().replace(/_/g, " ");
    return words.every((w) => hay.includes(w));
  });
  return hits.slice(0, MAX).map((z) => ({ name: z.replace(/_/g, " "), value: z }));
}

/** Command names for `help topic:`, those containing what was typed first; Discord shows up to 25. */
export function helpChoices(typed: string): { name: string; value: string }[] {
  const t = typed.trim().toLowerCase();
  const keys = SYNTAX.map((s) => s.key).filter((k) => k.includes(t));
  keys.sort((a, b) => Number(!a.startsWith(t)) - Number(!b.startsWith(t)));
  return keys.slice(0, MAX).map((k) => ({ name: k, value: k }));
}

/**
 * Completes the last comma-separated tag from the community's own vocabulary, keeping what was
 * typed before it: "ux, data s" → "ux, data-science". Only this guild's tags are offered.
 */
export async function tagChoices(deps: Deps, guildId: string, typed: string): Promise<{ name: string; value: string }[]> {
  const vocab = [...(await deps.store.tx((tx) => vocabulary(tx, communityIdOf(guildId))))].sort();
  const parts = typed.split(",");
  const last = (parts.pop() ?? "").trim().toLowerCase().replace(/\s+/g, "-");
  const head = parts.map((p) => p.trim()).filter(Boolean);
  const taken = new Set(head.map((p) => p.toLowerCase()));
  const hits = vocab
    .filter((t) => !taken.has(t) && t.includes(last))
    .sort((a, b) => Number(!a.startsWith(last)) - Number(!b.startsWith(last)));
  return hits.slice(0, MAX).map((t) => {
    const value = [...head, t].join(", ").slice(0, 100);
    return { name: value, value };
  });
}

/** Answers an autocomplete request for zones or tags; anything else gets no suggestions. */
export async function autocomplete(deps: Deps, i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  const guildId = i.guildId;
  const typed = String(focused.value);
  const choices =
    focused.name === "zone"
      ? zoneChoices(typed)
      : focused.name === "topic"
        ? helpChoices(typed)
        : guildId && ["tags", "interests", "from", "to"].includes(focused.name)
          ? await tagChoices(deps, guildId, typed)
          : [];
  await i.respond(choices);
}
