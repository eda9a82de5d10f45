-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_chats" (
    "community_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "intro_id" TEXT NOT NULL,
    "seeker_id" TEXT NOT NULL,
    "volunteer_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "proposed_slots" TEXT NOT NULL,
    "slot" TEXT,
    "reschedules" INTEGER NOT NULL,
    "cancelled_by" TEXT,
    "outcome_at" DATETIME,
    "reports" TEXT NOT NULL DEFAULT '[]',
    "invite" TEXT,
    "created_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL,

    PRIMARY KEY ("community_id", "id")
);
INSERT INTO "new_chats" ("cancelled_by", "community_id", "created_at", "format", "id", "intro_id", "minutes", "outcome_at", "proposed_slots", "request_id", "reschedules", "seeker_id", "slot", "status", "updated_at", "volunteer_id") SELECT "cancelled_by", "community_id", "created_at", "format", "id", "intro_id", "minutes", "outcome_at", "proposed_slots", "request_id", "reschedules", "seeker_id", "slot", "status", "updated_at", "volunteer_id" FROM "chats";
DROP TABLE "chats";
ALTER TABLE "new_chats" RENAME TO "chats";
CREATE INDEX "chats_community_id_seeker_id_idx" ON "chats"("community_id", "seeker_id");
CREATE INDEX "chats_community_id_volunteer_id_idx" ON "chats"("community_id", "volunteer_id");
CREATE INDEX "chats_community_id_request_id_idx" ON "chats"("community_id", "request_id");
CREATE INDEX "chats_community_id_created_at_idx" ON "chats"("community_id", "created_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

