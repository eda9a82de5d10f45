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

-- CreateIndex
CREATE INDEX "inbox_status_lease_until_idx" ON "inbox"("status", "lease_until");

-- CreateIndex
CREATE INDEX "inbox_lease_owner_idx" ON "inbox"("lease_owner");

