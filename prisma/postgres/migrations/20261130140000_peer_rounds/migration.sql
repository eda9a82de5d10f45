-- AlterTable
ALTER TABLE "nudges" ADD COLUMN     "recipient3" TEXT;

-- CreateTable
CREATE TABLE "peer_profiles" (
    "community_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "skip_round_at" TIMESTAMP(3),
    "ignored_in_a_row" INTEGER NOT NULL,
    "group" TEXT,
    "tags" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "peer_profiles_pkey" PRIMARY KEY ("community_id","member_id")
);

-- CreateTable
CREATE TABLE "peer_rounds" (
    "id" TEXT NOT NULL,
    "community_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "counts" TEXT NOT NULL,

    CONSTRAINT "peer_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "peer_groups" (
    "id" TEXT NOT NULL,
    "community_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "member_ids" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "proposed_slots" TEXT NOT NULL,
    "reports" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "peer_groups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "peer_profiles_active_community_id_idx" ON "peer_profiles"("active", "community_id");

-- CreateIndex
CREATE INDEX "peer_rounds_community_id_at_idx" ON "peer_rounds"("community_id", "at");

-- CreateIndex
CREATE INDEX "peer_groups_community_id_created_at_idx" ON "peer_groups"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "peer_groups_round_id_idx" ON "peer_groups"("round_id");

