-- AlterTable
ALTER TABLE "chats" ADD COLUMN "booked_at" DATETIME;

-- CreateTable
CREATE TABLE "dashboard_grants" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "community_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "platform_admin" BOOLEAN NOT NULL,
    "roles" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "expires_at" DATETIME NOT NULL,
    "used_at" DATETIME
);

-- CreateIndex
CREATE INDEX "dashboard_grants_expires_at_idx" ON "dashboard_grants"("expires_at");

