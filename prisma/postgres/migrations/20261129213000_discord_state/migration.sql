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

-- CreateIndex
CREATE INDEX "missed_notices_community_id_member_id_created_at_idx" ON "missed_notices"("community_id", "member_id", "created_at");

