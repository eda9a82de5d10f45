-- AlterTable
ALTER TABLE "members" ADD COLUMN     "celebrate" BOOLEAN NOT NULL DEFAULT false;

