import type { Community, Member, Slot } from "../../domain/index.js";
import { sharedTags, type TagWeights } from "../../matching/score.js";
import type { StoreTx } from "../../ports/index.js";
import { andNot, busyMask, CELL_MINUTES, freeMask, makeGrid, proposeSlots, testBit, withDefaultWindows } from "../../time/index.js";
import { seekerFreeTime } from "../shared/pool.js";
import { busySlots } from "../shared/slots.js";

const DAY_MS = 24 * 3600_000;

/**
 * Up to three times that suit every member of a peer group (two or three), on different days
 * when possible, none clashing with a chat they booked: the pair's slots as chats get them
 * (src/core/time/slots.ts), and for a trio those the third member is also free for.
 */
export async function groupSlots(tx: StoreTx, community: Community, members: readonly Member[], now: Date): Promise<Slot[]> {
  const [a, b, c] = members;
  if (!a || !b) return [];
  const s = community.settings;
  const party = (m: Member) => ({ availability: seekerFreeTime(m, community), zone: m.timeZone });
  const busy = await busySlots(
    tx,
    community.id,
    members.map((m) => m.id),
    "",
  );
  const base = {
    busy,
    now,
    minutes: s.chatMinutes,
    stepMinutes: s.slotStepMinutes,
    minLeadHours: s.minLeadHours,
    horizonDays: s.horizonDays,
  };
  if (!c) return proposeSlots({ ...base, a: party(a), b: party(b), count: 3 });
  const pairTimes = proposeSlots({ ...base, a: party(a), b: party(b), count: 48 });
  // The third member's free time, once, on a grid covering every slot offered.
  const grid = makeGrid(now, s.horizonDays + 1);
  const third = andNot(freeMask(withDefaultWindows(seekerFreeTime(c, community)), c.timeZone, grid), busyMask(busy, grid));
  const cellMs = CELL_MINUTES * 60_000;
  const freeForThird = (slot: Slot): boolean => {
    const from = Math.floor((slot.start.getTime() - grid.originMs) / cellMs);
    const to = Math.ceil((slot.end.getTime() - grid.originMs) / cellMs);
    for (let i = from; i < to; i++) if (i < 0 || i >= grid.cells || !testBit(third, i)) return false;
    return true;
  };
  const all = pairTimes.filter(freeForThird);
  // Spread over different days first, then fill.
  const days = new Set<number>();
  const spread = all.filter((slot) => {
    const day = Math.floor(slot.start.getTime() / DAY_MS);
    if (days.has(day)) return false;
    days.add(day);
    return true;
  });
  return [...spread, ...all.filter((x) => !spread.includes(x))].slice(0, 3).sort((x, y) => x.start.getTime() - y.start.getTime());
}

/** The topics at least two members of the group share (canonical, rarest first as the scorer orders them). */
export function groupTopics(tags: readonly (readonly string[])[], w: TagWeights): string[] {
  const out = new Set<string>();
  for (let i = 0; i < tags.length; i++)
    for (let j = i + 1; j < tags.length; j++) for (const t of sharedTags(tags[i] ?? [], tags[j] ?? [], w).tags) out.add(t);
  return [...out];
}
