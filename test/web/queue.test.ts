import { describe, expect, it } from "vitest";
import { configure, DAY, makeSeeker, request } from "../core/use-cases/helpers.js";
import { dashboardWorld, textOf } from "./harness.js";

const QUEUE = "/dashboard/test%3Ac1/queue";

/** The rows of the queue table: request id and the cells' text. */
function rows(html: string): { id: string; cells: string[] }[] {
  return [...html.matchAll(/<tr data-request-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    id: m[1] ?? "",
    cells: [...(m[2] ?? "").matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1] ?? "")),
  }));
}

describe("the queue page", () => {
  it("lists every waiting request with its seeker, topics, status, how long and why", async () => {
    const d = await dashboardWorld();
    const sam = await makeSeeker(d, "sam", "python");
    const kim = await makeSeeker(d, "kim", "cooking");
    const samReq = await request(d, sam, "python");
    const kimReq = await request(d, kim, "cooking");
    d.clock.advance(3 * DAY);
    const cookie = await d.signIn();
    const res = await d.send(QUEUE, { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<table id="queue-table">');
    expect(html).toContain('<th scope="col">Why</th>');
    expect(textOf(html)).toContain("Requests waiting for a chat, longest first (2)");
    expect(rows(html)).toEqual([
      { id: samReq.request.id, cells: ["sam", "python", "Choosing a volunteer", "3 days", "Choosing from 1 suggested volunteer(s)"] },
      { id: kimReq.request.id, cells: ["kim", "cooking", "On the waitlist", "3 days", "Nobody volunteers for these topics"] },
    ]);
    expect(html).toContain('<a id="queue-csv" href="/dashboard/test%3Ac1/csv/queue.csv">');
  });

  it("Match now runs a matching round and comes back with what it did; the intro shows with its deadline", async () => {
    const d = await dashboardWorld();
    const sam = await makeSeeker(d, "sam", "python");
    const kim = await makeSeeker(d, "kim", "cooking");
    const samReq = await request(d, sam, "python");
    await request(d, kim, "cooking");
    d.clock.advance(2 * DAY);
    const cookie = await d.signIn();
    const ran = await d.send(`${QUEUE}/match`, { cookie, form: {} });
    expect(ran.status).toBe(303);
    const back = ran.headers.get("location") ?? "";
    expect(back).toBe(`${QUEUE}?sent=1&waiting=1`);
    const html = await (await d.send(back, { cookie })).text();
    expect(html).toContain('<p class="notice" role="status">Matching ran: 1 intro sent; 1 request still waiting.</p>');
    const sams = rows(html).find((r) => r.id === samReq.request.id);
    expect(sams?.cells[2]).toBe("Intro sent");
    expect(sams?.cells[4]).toBe("Intro with ada, answer due Sat, 28 Nov 2026");
  });

  it("a paused programme matches nothing and says so; an empty queue says nobody waits", async () => {
    const d = await dashboardWorld();
    const cookie = await d.signIn();
    const empty = await (await d.send(QUEUE, { cookie })).text();
    expect(empty).toContain('<p id="queue-empty">Nobody is waiting: every request has a chat or an intro on its way.</p>');
    await configure(d, { programPaused: true });
    const ran = await d.send(`${QUEUE}/match`, { cookie, form: {} });
    expect(ran.headers.get("location")).toBe(`${QUEUE}?paused=1`);
    expect(textOf(await (await d.send(`${QUEUE}?paused=1`, { cookie })).text())).toContain(
      "The programme is paused, so nothing was matched. Switch pausing off on the Settings page to match again.",
    );
  });

  it("Match now without the dashboard's Origin is refused and matches nothing", async () => {
    const d = await dashboardWorld();
    const sam = await makeSeeker(d, "sam", "python");
    await request(d, sam, "python");
    d.clock.advance(2 * DAY);
    const cookie = await d.signIn();
    expect((await d.send(`${QUEUE}/match`, { cookie, form: {}, origin: "https://evil.example" })).status).toBe(403);
    expect(rows(await (await d.send(QUEUE, { cookie })).text())[0]?.cells[2]).toBe("Choosing a volunteer");
  });
});
