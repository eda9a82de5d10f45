-- AlterTable
ALTER TABLE "peer_groups" ADD COLUMN     "slot" TEXT;

