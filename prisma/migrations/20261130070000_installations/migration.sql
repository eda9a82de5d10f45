-- AlterTable
ALTER TABLE "communities" ADD COLUMN "inactive_since" DATETIME;

-- CreateTable
CREATE TABLE "installations" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "team_id" TEXT,
    "enterprise_id" TEXT,
    "installer_id" TEXT,
    "bot_user_id" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "token_expires_at" DATETIME,
    "sealed" TEXT NOT NULL,
    "installed_at" DATETIME NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "installations_team_id_idx" ON "installations"("team_id");

-- CreateIndex
CREATE INDEX "installations_enterprise_id_idx" ON "installations"("enterprise_id");

