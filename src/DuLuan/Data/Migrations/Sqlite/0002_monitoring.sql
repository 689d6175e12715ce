-- 0002: monitoring — feeds, articles, stories, watch topics and their hits, alerts, saved searches.
CREATE TABLE "alerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_alerts" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubjectId" INTEGER NOT NULL,
    "WindowStart" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReasonVi" TEXT NOT NULL,
    "ReasonEn" TEXT NOT NULL,
    "MailedAt" TEXT NULL,
    CONSTRAINT "FK_alerts_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "feeds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_feeds" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Url" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Outlet" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "PollMinutes" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextPollAt" TEXT NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "ETag" TEXT NULL,
    "LastModified" TEXT NULL,
    "LastAttemptAt" TEXT NULL,
    "LastSuccessAt" TEXT NULL,
    "LastError" TEXT NULL,
    "ConsecutiveFailures" INTEGER NOT NULL,
    "LastItemCount" INTEGER NOT NULL,
    CONSTRAINT "FK_feeds_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "saved_searches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_saved_searches" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "MemberId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Query" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_saved_searches_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "stories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_stories" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "FirstSeenAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "ArticleCount" INTEGER NOT NULL,
    CONSTRAINT "FK_stories_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "watch_topics" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_watch_topics" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_watch_topics_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "articles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_articles" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "FeedId" INTEGER NOT NULL,
    "StoryId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Url" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Outlet" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "FetchedAt" TEXT NOT NULL,
    "Folded" TEXT NOT NULL,
    "Signature" BLOB NOT NULL,
    CONSTRAINT "FK_articles_feeds_FeedId" FOREIGN KEY ("FeedId") REFERENCES "feeds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_articles_stories_StoryId" FOREIGN KEY ("StoryId") REFERENCES "stories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_articles_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "topic_hits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_topic_hits" PRIMARY KEY AUTOINCREMENT,
    "TopicId" INTEGER NOT NULL,
    "ArticleId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_topic_hits_articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "articles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_topic_hits_watch_topics_TopicId" FOREIGN KEY ("TopicId") REFERENCES "watch_topics" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_alerts_MailedAt" ON "alerts" ("MailedAt");

CREATE INDEX "IX_alerts_UnitId_CreatedAt" ON "alerts" ("UnitId", "CreatedAt");

CREATE UNIQUE INDEX "IX_alerts_UnitId_Kind_SubjectId_WindowStart" ON "alerts" ("UnitId", "Kind", "SubjectId", "WindowStart");

CREATE INDEX "IX_articles_FeedId_FetchedAt" ON "articles" ("FeedId", "FetchedAt");

CREATE INDEX "IX_articles_StoryId_PublishedAt" ON "articles" ("StoryId", "PublishedAt");

CREATE UNIQUE INDEX "IX_articles_UnitId_Key" ON "articles" ("UnitId", "Key");

CREATE INDEX "IX_articles_UnitId_PublishedAt" ON "articles" ("UnitId", "PublishedAt");

CREATE INDEX "IX_feeds_Active_NextPollAt" ON "feeds" ("Active", "NextPollAt");

CREATE UNIQUE INDEX "IX_feeds_UnitId_Url" ON "feeds" ("UnitId", "Url");

CREATE INDEX "IX_saved_searches_MemberId_UnitId" ON "saved_searches" ("MemberId", "UnitId");

CREATE INDEX "IX_saved_searches_UnitId" ON "saved_searches" ("UnitId");

CREATE INDEX "IX_stories_UnitId_LastSeenAt" ON "stories" ("UnitId", "LastSeenAt");

CREATE INDEX "IX_topic_hits_ArticleId" ON "topic_hits" ("ArticleId");

CREATE UNIQUE INDEX "IX_topic_hits_TopicId_ArticleId" ON "topic_hits" ("TopicId", "ArticleId");

CREATE INDEX "IX_topic_hits_TopicId_At" ON "topic_hits" ("TopicId", "At");

CREATE INDEX "IX_watch_topics_UnitId" ON "watch_topics" ("UnitId");

-- Full-text search over the folded index form (SearchText.IndexForm); external content, kept in step by triggers.
CREATE VIRTUAL TABLE "article_fts" USING fts5("Folded", content='articles', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');

CREATE TRIGGER "articles_fts_insert" AFTER INSERT ON "articles" BEGIN
    INSERT INTO "article_fts" (rowid, "Folded") VALUES (new."Id", new."Folded");
END;

CREATE TRIGGER "articles_fts_delete" AFTER DELETE ON "articles" BEGIN
    INSERT INTO "article_fts" ("article_fts", rowid, "Folded") VALUES ('delete', old."Id", old."Folded");
END;

CREATE TRIGGER "articles_fts_update" AFTER UPDATE OF "Folded" ON "articles" BEGIN
    INSERT INTO "article_fts" ("article_fts", rowid, "Folded") VALUES ('delete', old."Id", old."Folded");
    INSERT INTO "article_fts" (rowid, "Folded") VALUES (new."Id", new."Folded");
END;
