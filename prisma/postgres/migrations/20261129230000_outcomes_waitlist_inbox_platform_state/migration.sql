-- AlterTable
ALTER TABLE "chat_requests" ADD COLUMN     "waitlisted_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "invite" TEXT,
ADD COLUMN     "reports" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "platform_refs" (
    "community_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "platform_refs_pkey" PRIMARY KEY ("community_id","kind","key")
);

-- CreateTable
CREATE TABLE "missed_notices" (
    "community_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "notice" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "missed_notices_pkey" PRIMARY KEY ("community_id","member_id","key")
);

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
CREATE INDEX "missed_notices_community_id_member_id_created_at_idx" ON "missed_notices"("community_id", "member_id", "created_at");

-- CreateIndex
CREATE INDEX "inbox_status_lease_until_idx" ON "inbox"("status", "lease_until");

-- CreateIndex
CREATE INDEX "inbox_lease_owner_idx" ON "inbox"("lease_owner");

