-- AlterTable
ALTER TABLE "chat_requests" ADD COLUMN     "waitlisted_at" TIMESTAMP(3);

