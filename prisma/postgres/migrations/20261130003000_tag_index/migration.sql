-- CreateTable
CREATE TABLE "volunteer_tags" (
    "community_id" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,

    CONSTRAINT "volunteer_tags_pkey" PRIMARY KEY ("community_id","tag","member_id")
);

-- CreateTable
CREATE TABLE "tag_counts" (
    "community_id" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "volunteers" INTEGER NOT NULL,
    "seekers" INTEGER NOT NULL,
    "requests" INTEGER NOT NULL,

    CONSTRAINT "tag_counts_pkey" PRIMARY KEY ("community_id","tag")
);

-- CreateIndex
CREATE INDEX "volunteer_tags_community_id_member_id_idx" ON "volunteer_tags"("community_id", "member_id");


-- Backfill the posting list and the tag counts from the profiles and requests already stored
-- (hand-written: appended to the generated migration.sql by npm run db:gen-pg).
INSERT INTO "volunteer_tags" ("community_id", "tag", "member_id")
SELECT DISTINCT p."community_id", j.value, p."member_id"
FROM "volunteer_profiles" p, json_array_elements_text(p."expertise"::json) AS j(value)
WHERE p."active";

INSERT INTO "tag_counts" ("community_id", "tag", "volunteers", "seekers", "requests")
SELECT x.c, x.t, SUM(x.v), SUM(x.s), SUM(x.r) FROM (
  SELECT DISTINCT p."community_id" AS c, p."member_id" AS k, j.value AS t, 1 AS v, 0 AS s, 0 AS r
    FROM "volunteer_profiles" p, json_array_elements_text(p."expertise"::json) AS j(value)
  UNION ALL
  SELECT DISTINCT p."community_id", p."member_id", j.value, 0, 1, 0
    FROM "seeker_profiles" p, json_array_elements_text(p."interests"::json) AS j(value)
  UNION ALL
  SELECT DISTINCT q."community_id", q."id", j.value, 0, 0, 1 FROM "chat_requests" q, json_array_elements_text(q."tags"::json) AS j(value)
  UNION ALL
  SELECT p."community_id", p."member_id", '', 1, 0, 0 FROM "volunteer_profiles" p WHERE json_array_length(p."expertise"::json) > 0
  UNION ALL
  SELECT p."community_id", p."member_id", '', 0, 1, 0 FROM "seeker_profiles" p WHERE json_array_length(p."interests"::json) > 0
  UNION ALL
  SELECT q."community_id", q."id", '', 0, 0, 1 FROM "chat_requests" q WHERE json_array_length(q."tags"::json) > 0
) x
GROUP BY x.c, x.t;
