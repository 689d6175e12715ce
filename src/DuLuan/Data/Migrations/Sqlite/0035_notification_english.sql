-- 0035: each notice to a unit's staff is kept in English too, so staff who read the pages in English read it in
-- English (older notices have only their Vietnamese and are shown in it).
ALTER TABLE "notifications" ADD COLUMN "TextEn" TEXT NULL;
