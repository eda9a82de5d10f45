import { describe, expect, it } from "vitest";
import { readJson, toJson } from "../../src/store/mappers/json.js";
import { parseDatabaseUrl, redact } from "../../src/store/url.js";

describe("parseDatabaseUrl", () => {
  it("reads SQLite files, memory and PostgreSQL with an optional schema", () => {
    expect(parseDatabaseUrl("memory:")).toEqual({ kind: "memory" });
    expect(parseDatabaseUrl("file:./data/percolate.db")).toEqual({ kind: "sqlite", file: "./data/percolate.db" });
    expect(parseDatabaseUrl("file:/var/lib/p%20q.db?connection_limit=1")).toEqual({ kind: "sqlite", file: "/var/lib/p q.db" });
    expect(parseDatabaseUrl("postgresql://u:pw@db:5432/percolate?schema=bot&sslmode=disable")).toEqual({
      kind: "postgres",
      connectionString: "postgresql://u:pw@db:5432/percolate?sslmode=disable",
      schema: "bot",
    });
    expect(parseDatabaseUrl("postgres://db/p")).toMatchObject({ kind: "postgres", schema: "public" });
  });

  it("refuses what it cannot serve, naming the fix and hiding passwords", () => {
    expect(() => parseDatabaseUrl("file::memory:")).toThrow(/use file:\.\/data\/percolate\.db, or memory:/);
    expect(() => parseDatabaseUrl("postgresql://db/p?schema=a;drop")).toThrow(/must be a plain identifier/);
    expect(() => parseDatabaseUrl("mysql://root:secret@db/p")).toThrow(/mysql:\/\/root:\*\*\*@db\/p.*postgresql:\/\//);
    expect(redact("postgresql://u:secret@h/db")).toBe("postgresql://u:***@h/db");
  });
});

describe("JSON columns", () => {
  it("bring nested dates back as Dates and leave date-like strings alone", () => {
    const value = {
      slot: { start: new Date("2025-03-10T09:30:00.000Z") },
      when: [new Date(0)],
      text: "2025-03-10T09:30:00.000Z",
      lookalike: { $date: "not a date" },
    };
    const back = readJson(toJson(value), "test") as typeof value;
    expect(back).toEqual(value);
    expect(back.slot.start).toBeInstanceOf(Date);
    expect(typeof back.text).toBe("string");
  });

  it("names the row when stored JSON is broken", () => {
    expect(() => readJson("{oops", "chats(c1, x).slot")).toThrow(/chats\(c1, x\)\.slot holds invalid JSON/);
  });
});
