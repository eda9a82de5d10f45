import { describe, expect, it } from "vitest";
import { joinRounds, setAvailability } from "../../src/core/use-cases/index.js";
import { unwrap, weekdays } from "../core/use-cases/helpers.js";
import { dashboardWorld, textOf } from "./harness.js";

describe("the dashboard's Rounds page", () => {
  it("shows who is in, runs a round on request with a notice, then the groups and the meet rate", async () => {
    const d = await dashboardWorld();
    const cookie = await d.signIn();
    const before = textOf(await (await d.send("/dashboard/test%3Ac1/rounds", { cookie })).text());
    expect(before).toContain("In the next round 0: nobody");
    expect(before).toContain("No round has run yet.");
    expect(before).toContain("Rounds run every 2 weeks; the first is planned once a member opts in.");

    for (const name of ["bo", "cy", "dee"]) {
      const actor = d.actor(name, "UTC");
      unwrap(await setAvailability(d.deps, { actor, windows: weekdays(), timeZone: "UTC" }));
      unwrap(await joinRounds(d.deps, { actor }));
    }
    const listed = textOf(await (await d.send("/dashboard/test%3Ac1/rounds", { cookie })).text());
    expect(listed).toContain("In the next round 3: bo, cy, dee");
    expect(listed).toMatch(/Next round: .+ \(rounds run every 2 weeks\)\./);

    const ran = await d.send("/dashboard/test%3Ac1/rounds/run", { form: {}, cookie });
    expect(ran.status).toBe(303);
    const after = await d.send(ran.headers.get("location") ?? "", { cookie });
    const html = await after.text();
    const text = textOf(html);
    expect(text).toContain("The round ran: 1 group formed.");
    expect(html).toContain('id="rounds-table"');
    expect(text).toMatch(
      /Groups of the last round \(.+\) Group Size Did they meet\? (bo|cy|dee), (bo|cy|dee), (bo|cy|dee) 3 no answer yet/,
    );
    expect(text).toContain("Meet rate, last round 0% (0 of 1)");
  });

  it("is refused without a session, like every page", async () => {
    const d = await dashboardWorld();
    const res = await d.send("/dashboard/test%3Ac1/rounds");
    expect(res.status).toBe(403);
    expect(textOf(await res.text())).toContain("Please sign in");
  });
});
