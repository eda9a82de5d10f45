-- AlterTable
ALTER TABLE "chats" ADD COLUMN     "invite" TEXT,
ADD COLUMN     "reports" TEXT NOT NULL DEFAULT '[]';

