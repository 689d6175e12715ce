-- Monthly sums of post metrics (unit, channel, topic, month) for fast roll-ups, backfilled from the daily rows;
-- and the metrics puller's lease and last pull per channel.
CREATE TABLE "post_metric_months" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_post_metric_months" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "Views" INTEGER NOT NULL,
    "Reach" INTEGER NOT NULL,
    "Reactions" INTEGER NOT NULL,
    "Comments" INTEGER NOT NULL,
    "Shares" INTEGER NOT NULL,
    "LinkClicks" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_post_metric_months_UnitId_Month_Channel_Topic" ON "post_metric_months" ("UnitId", "Month", "Channel", "Topic");

INSERT INTO "post_metric_months" ("UnitId", "Channel", "Topic", "Month", "Views", "Reach", "Reactions", "Comments", "Shares", "LinkClicks")
SELECT m."UnitId", m."Channel", p."Tags", substr(m."Day", 1, 7) || '-01', SUM(m."Views"), SUM(m."Reach"), SUM(m."Reactions"), SUM(m."Comments"), SUM(m."Shares"), SUM(m."LinkClicks")
FROM "post_metrics" m JOIN "posts" p ON p."Id" = m."PostId"
GROUP BY m."UnitId", m."Channel", p."Tags", substr(m."Day", 1, 7);

ALTER TABLE "publish_channels" ADD COLUMN "MetricsPulledAt" TEXT NULL;
ALTER TABLE "publish_channels" ADD COLUMN "MetricsLeaseOwner" TEXT NULL;
ALTER TABLE "publish_channels" ADD COLUMN "MetricsLeaseUntil" TEXT NULL;
