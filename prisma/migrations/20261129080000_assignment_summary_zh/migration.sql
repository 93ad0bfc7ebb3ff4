-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "summaryZh" TEXT;
