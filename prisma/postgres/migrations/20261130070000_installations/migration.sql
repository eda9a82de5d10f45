-- AlterTable
ALTER TABLE "communities" ADD COLUMN     "inactive_since" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "installations" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "team_id" TEXT,
    "enterprise_id" TEXT,
    "installer_id" TEXT,
    "bot_user_id" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "token_expires_at" TIMESTAMP(3),
    "sealed" TEXT NOT NULL,
    "installed_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "installations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "installations_team_id_idx" ON "installations"("team_id");

-- CreateIndex
CREATE INDEX "installations_enterprise_id_idx" ON "installations"("enterprise_id");

