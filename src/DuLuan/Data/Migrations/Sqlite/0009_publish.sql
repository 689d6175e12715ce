-- 0009: publishing (bài đăng): posts, images, approvals, comments, targets, channels, per-unit tiers, metrics.
CREATE TABLE "posts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_posts" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "BodyHtml" TEXT NOT NULL,
    "BodyText" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "LinkKind" TEXT NULL,
    "LinkId" INTEGER NULL,
    "LinkUrl" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NULL,
    "LastEditorId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ScheduledAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "NextAttemptAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_posts_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "publish_channels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_publish_channels" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "TokenProtected" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "Healthy" INTEGER NOT NULL,
    "HealthMessage" TEXT NULL,
    "HealthAt" TEXT NULL,
    CONSTRAINT "FK_publish_channels_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "publish_settings" (
    "UnitId" INTEGER NOT NULL CONSTRAINT "PK_publish_settings" PRIMARY KEY,
    "ApprovalTiers" INTEGER NOT NULL,
    CONSTRAINT "FK_publish_settings_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);

CREATE TABLE "post_approvals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_post_approvals" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "Tier" INTEGER NOT NULL,
    "ApproverId" TEXT NOT NULL,
    "ApproverName" TEXT NULL,
    "At" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    CONSTRAINT "FK_post_approvals_posts_PostId" FOREIGN KEY ("PostId") REFERENCES "posts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "post_comments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_post_comments" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NULL,
    "At" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_post_comments_posts_PostId" FOREIGN KEY ("PostId") REFERENCES "posts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "post_images" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_post_images" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Sha256" TEXT NOT NULL,
    CONSTRAINT "FK_post_images_posts_PostId" FOREIGN KEY ("PostId") REFERENCES "posts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "post_metrics" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_post_metrics" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Views" INTEGER NOT NULL,
    "Reach" INTEGER NOT NULL,
    "Reactions" INTEGER NOT NULL,
    "Comments" INTEGER NOT NULL,
    "Shares" INTEGER NOT NULL,
    "LinkClicks" INTEGER NOT NULL,
    CONSTRAINT "FK_post_metrics_posts_PostId" FOREIGN KEY ("PostId") REFERENCES "posts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "post_targets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_post_targets" PRIMARY KEY AUTOINCREMENT,
    "PostId" INTEGER NOT NULL,
    "ChannelId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ExternalId" TEXT NULL,
    "LastHttpStatus" INTEGER NULL,
    "LastError" TEXT NULL,
    "PublishedAt" TEXT NULL,
    CONSTRAINT "FK_post_targets_posts_PostId" FOREIGN KEY ("PostId") REFERENCES "posts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_post_targets_publish_channels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "publish_channels" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_post_approvals_PostId_ContentHash_Tier" ON "post_approvals" ("PostId", "ContentHash", "Tier");

CREATE INDEX "IX_post_comments_PostId_At" ON "post_comments" ("PostId", "At");

CREATE UNIQUE INDEX "IX_post_images_PostId" ON "post_images" ("PostId");

CREATE UNIQUE INDEX "IX_post_metrics_PostId_Channel_Day" ON "post_metrics" ("PostId", "Channel", "Day");

CREATE INDEX "IX_post_metrics_UnitId_Day" ON "post_metrics" ("UnitId", "Day");

CREATE INDEX "IX_post_targets_ChannelId" ON "post_targets" ("ChannelId");

CREATE UNIQUE INDEX "IX_post_targets_PostId_ChannelId" ON "post_targets" ("PostId", "ChannelId");

CREATE INDEX "IX_posts_Status_NextAttemptAt" ON "posts" ("Status", "NextAttemptAt");

CREATE INDEX "IX_posts_UnitId_ScheduledAt" ON "posts" ("UnitId", "ScheduledAt");

CREATE INDEX "IX_posts_UnitId_Status_PublishedAt" ON "posts" ("UnitId", "Status", "PublishedAt");

CREATE UNIQUE INDEX "IX_publish_channels_UnitId_Kind_ExternalId" ON "publish_channels" ("UnitId", "Kind", "ExternalId");
