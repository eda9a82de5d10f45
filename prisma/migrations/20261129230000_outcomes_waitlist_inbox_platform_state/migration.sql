-- AlterTable
ALTER TABLE "chat_requests" ADD COLUMN "waitlisted_at" DATETIME;

-- CreateTable
CREATE TABLE "platform_refs" (
    "community_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,

    PRIMARY KEY ("community_id", "kind", "key")
);

-- CreateTable
CREATE TABLE "missed_notices" (
    "community_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "notice" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,

    PRIMARY KEY ("community_id", "member_id", "key")
);

-- CreateTable
CREATE TABLE "inbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "community_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "applied_by" TEXT,
    "applied_at" DATETIME,
    "answer" TEXT,
    "lease_owner" TEXT,
    "lease_until" DATETIME,
    "received_at" DATETIME NOT NULL,
    "answered_at" DATETIME
);

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

-- CreateIndex
CREATE INDEX "missed_notices_community_id_member_id_created_at_idx" ON "missed_notices"("community_id", "member_id", "created_at");

-- CreateIndex
CREATE INDEX "inbox_status_lease_until_idx" ON "inbox"("status", "lease_until");

-- CreateIndex
CREATE INDEX "inbox_lease_owner_idx" ON "inbox"("lease_owner");

