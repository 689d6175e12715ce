-- 0031: keep the search vector in the article row. Matching a phrase (positions) and ranking read search_vector for
-- every candidate; with the default storage a row with title, text and folded text is over 2 kB, so the vector was
-- compressed and moved to the TOAST table, and each candidate cost a TOAST index lookup plus decompression. MAIN makes
-- PostgreSQL compress or move the text columns first, so the vector stays in the heap page beside the id and unit.
-- Applies to rows written from now on; `VACUUM FULL articles` rewrites older rows (docs/operations.md).
ALTER TABLE articles ALTER COLUMN search_vector SET STORAGE MAIN;
