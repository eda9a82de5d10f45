-- CreateTable
CREATE TABLE "communities" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "communities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members" (
    "community_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "time_zone_confirmed" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "paused_until" TIMESTAMP(3),
    "blocked" TEXT NOT NULL,
    "availability" TEXT NOT NULL,
    "forgotten" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "members_pkey" PRIMARY KEY ("community_id","id")
);

-- CreateTable
CREATE TABLE "seeker_profiles" (
    "community_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "interests" TEXT NOT NULL,
    "learn" TEXT NOT NULL,
    "intro" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "seeker_profiles_pkey" PRIMARY KEY ("community_id","member_id")
);

-- CreateTable
CREATE TABLE "volunteer_profiles" (
    "community_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "expertise" TEXT NOT NULL,
    "bio" TEXT NOT NULL,
    "capacity_per_month" INTEGER NOT NULL,
    "formats" TEXT NOT NULL,
    "meeting_link" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "volunteer_profiles_pkey" PRIMARY KEY ("community_id","member_id")
);

-- CreateTable
CREATE TABLE "chat_requests" (
    "community_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "seeker_id" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "goals" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tried" TEXT NOT NULL,
    "suggestions" TEXT NOT NULL,
    "referred_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chat_requests_pkey" PRIMARY KEY ("community_id","id")
);

-- CreateTable
CREATE TABLE "intros" (
    "community_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "seeker_id" TEXT NOT NULL,
    "volunteer_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "offered_at" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "responded_at" TIMESTAMP(3),
    "decline_reason" TEXT,

    CONSTRAINT "intros_pkey" PRIMARY KEY ("community_id","id")
);

-- CreateTable
CREATE TABLE "chats" (
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
    "outcome_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chats_pkey" PRIMARY KEY ("community_id","id")
);

-- CreateTable
CREATE TABLE "feedback" (
    "community_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "from_id" TEXT NOT NULL,
    "about_id" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("community_id","id")
);

-- CreateTable
CREATE TABLE "nudges" (
    "id" TEXT NOT NULL,
    "community_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "recipient1" TEXT NOT NULL,
    "recipient2" TEXT,
    "kind" TEXT NOT NULL,
    "ref_id" TEXT NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "notice" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "nudges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "members_community_id_created_at_idx" ON "members"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "chat_requests_community_id_seeker_id_idx" ON "chat_requests"("community_id", "seeker_id");

-- CreateIndex
CREATE INDEX "chat_requests_community_id_status_idx" ON "chat_requests"("community_id", "status");

-- CreateIndex
CREATE INDEX "chat_requests_community_id_created_at_idx" ON "chat_requests"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "intros_community_id_request_id_idx" ON "intros"("community_id", "request_id");

-- CreateIndex
CREATE INDEX "intros_community_id_volunteer_id_idx" ON "intros"("community_id", "volunteer_id");

-- CreateIndex
CREATE INDEX "intros_community_id_seeker_id_idx" ON "intros"("community_id", "seeker_id");

-- CreateIndex
CREATE INDEX "intros_community_id_status_deadline_idx" ON "intros"("community_id", "status", "deadline");

-- CreateIndex
CREATE INDEX "chats_community_id_seeker_id_idx" ON "chats"("community_id", "seeker_id");

-- CreateIndex
CREATE INDEX "chats_community_id_volunteer_id_idx" ON "chats"("community_id", "volunteer_id");

-- CreateIndex
CREATE INDEX "chats_community_id_request_id_idx" ON "chats"("community_id", "request_id");

-- CreateIndex
CREATE INDEX "chats_community_id_created_at_idx" ON "chats"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "feedback_community_id_about_id_idx" ON "feedback"("community_id", "about_id");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_community_id_chat_id_from_id_key" ON "feedback"("community_id", "chat_id", "from_id");

-- CreateIndex
CREATE INDEX "nudges_status_due_at_idx" ON "nudges"("status", "due_at");

-- CreateIndex
CREATE INDEX "nudges_community_id_ref_id_idx" ON "nudges"("community_id", "ref_id");

-- CreateIndex
CREATE INDEX "nudges_lease_owner_idx" ON "nudges"("lease_owner");

-- CreateIndex
CREATE UNIQUE INDEX "nudges_community_id_key_key" ON "nudges"("community_id", "key");

