-- CreateTable
CREATE TABLE "inbox" (
    "id" TEXT NOT NULL,
    "community_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "applied_by" TEXT,
    "applied_at" TIMESTAMP(3),
    "answer" TEXT,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMP(3),
    "received_at" TIMESTAMP(3) NOT NULL,
    "answered_at" TIMESTAMP(3),

    CONSTRAINT "inbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "inbox_status_lease_until_idx" ON "inbox"("status", "lease_until");

-- CreateIndex
CREATE INDEX "inbox_lease_owner_idx" ON "inbox"("lease_owner");

