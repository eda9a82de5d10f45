-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "booked_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "dashboard_grants" (
    "hash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "community_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "platform_admin" BOOLEAN NOT NULL,
    "roles" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),

    CONSTRAINT "dashboard_grants_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "dashboard_grants_expires_at_idx" ON "dashboard_grants"("expires_at");

