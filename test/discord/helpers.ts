import { type FakeMessage, type InteractionAnswer, waitFor } from "../fakes/discord/index.js";
import type { Bot } from "./harness.js";

interface Comp {
  type: number;
  custom_id?: string;
  label?: string;
  options?: { label: string; value: string }[];
  components?: Comp[];
}

/** Every component under a message's rows. */
export const componentsOf = (m: { components: unknown[] }): Comp[] => (m.components as Comp[]).flatMap((row) => row.components ?? []);

/** The custom_id of the button whose label contains `label`. */
export function buttonId(m: { components: unknown[] }, label: string | RegExp): string {
  const b = componentsOf(m).find((c) => c.type === 2 && (typeof label === "string" ? c.label?.includes(label) : label.test(c.label ?? "")));
  if (!b?.custom_id) throw new Error(`no button "${String(label)}" in ${JSON.stringify(m.components)}`);
  return b.custom_id;
}

/** The select menu's custom_id and its option values. */
export function selectOf(m: { components: unknown[] }): { id: string; values: string[] } {
  const s = componentsOf(m).find((c) => c.type === 3);
  if (!s?.custom_id) throw new Error(`no select menu in ${JSON.stringify(m.components)}`);
  return { id: s.custom_id, values: (s.options ?? []).map((o) => o.value) };
}

let n = 0;
/** An ephemeral reply as a message someone can click on. */
export function asMessage(a: InteractionAnswer, channelId: string): FakeMessage {
  return {
    id: `5${String(++n).padStart(17, "0")}`,
    channel_id: channelId,
    content: String(a.data.content ?? ""),
    components: (a.data.components ?? []) as unknown[],
    nonce: null,
    files: [],
  };
}

export const text = (a: InteractionAnswer): string => String(a.data.content ?? "");
export const EPHEMERAL = 64;

/**
 * Every answer to one interaction once `last` has arrived, in order: a long answer comes as the
 * reply (or the edit of a deferred one) and follow-ups. Defers and update-acks hold no words.
 */
export async function answersUntil(bot: Bot, first: InteractionAnswer, last: string): Promise<InteractionAnswer[]> {
  return waitFor(
    () => {
      const all = bot.fake.rest.answersTo(first.interactionId).filter((a) => a.type !== 5 && a.type !== 6);
      return all.some((a) => text(a).includes(last)) ? all : undefined;
    },
    5_000,
    `an answer holding "${last}"`,
  );
}

/** The whole words of an answer that may come in several parts, once `last` has arrived. */
export const wholeText = async (bot: Bot, first: InteractionAnswer, last: string): Promise<string> =>
  (await answersUntil(bot, first, last)).map(text).join("\n");
