-- 0031: the search join's covering index. Every full-text query joins article_fts to articles only to check the
-- article's unit (and rank among the newest matches by id); reading "UnitId" from the wide article row costs a page
-- per match (title, text and folded text sit beside it), this index holds only (Id, UnitId). Outside the EF model,
-- like article_fts itself.
CREATE INDEX "IX_articles_fts_unit" ON "articles" ("Id", "UnitId");
