-- Sign-in back-off per (account, client address), hashed single-use recovery codes, and a purpose on one-time links
-- (account set-up or unlock) so a link made for one cannot be used for the other.
CREATE TABLE "sign_in_throttles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sign_in_throttles" PRIMARY KEY AUTOINCREMENT,
    "AccountKey" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Failures" INTEGER NOT NULL,
    "LastFailureAt" TEXT NOT NULL,
    "BlockedUntil" TEXT NULL
);

CREATE UNIQUE INDEX "IX_sign_in_throttles_AccountKey_Address" ON "sign_in_throttles" ("AccountKey", "Address");

CREATE TABLE "recovery_codes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_recovery_codes" PRIMARY KEY AUTOINCREMENT,
    "MemberId" TEXT NOT NULL,
    "CodeHash" TEXT NOT NULL,
    "UsedAt" TEXT NULL,
    CONSTRAINT "FK_recovery_codes_AspNetUsers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_recovery_codes_MemberId_CodeHash" ON "recovery_codes" ("MemberId", "CodeHash");

ALTER TABLE "setup_tokens" ADD COLUMN "Purpose" TEXT NOT NULL DEFAULT 'setup';
