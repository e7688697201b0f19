-- Erasures, export builds and imports move onto the job queue: the changes that start them now
-- queue their job. Work started before this migration gets its job here, so nothing waits for
-- the worker loops that are gone. Rows only; the schema is unchanged. Dedupe keys as the code
-- writes them, so a job queued already is not doubled.

-- Erasures waiting out their cooling-off period: each runs when it is due.
INSERT INTO "Job" ("id", "kind", "key", "dedupeKey", "personId", "payload", "maxAttempts", "runAt", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, 'erasure.execute', 'erasure:' || r."id", 'erasure:' || r."id", r."personId",
       jsonb_build_object('requestId', r."id"), 8, r."scheduledFor", timezone('UTC', now()), timezone('UTC', now())
FROM "DataRequest" r
WHERE r."type" = 'ERASURE' AND r."status" IN ('RECEIVED', 'IN_PROGRESS') AND r."scheduledFor" IS NOT NULL
ON CONFLICT ("dedupeKey") DO NOTHING;

-- Exports asked for and not yet built (or left part-built by a worker that stopped).
INSERT INTO "Job" ("id", "kind", "key", "dedupeKey", "personId", "payload", "maxAttempts", "runAt", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, 'export.build', 'export:' || e."id", 'export:' || e."id", r."personId",
       jsonb_build_object('exportId', e."id"), 3, timezone('UTC', now()), timezone('UTC', now()), timezone('UTC', now())
FROM "DataExport" e JOIN "DataRequest" r ON r."id" = e."requestId"
WHERE e."status" IN ('PENDING', 'BUILDING')
ON CONFLICT ("dedupeKey") DO NOTHING;

-- Imports queued or running.
INSERT INTO "Job" ("id", "kind", "key", "dedupeKey", "personId", "payload", "maxAttempts", "runAt", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, 'import.pass', 'import:' || j."id", 'import:' || j."id", NULL,
       jsonb_build_object('importJobId', j."id"), 8, timezone('UTC', now()), timezone('UTC', now()), timezone('UTC', now())
FROM "ImportJob" j
WHERE j."status" IN ('QUEUED', 'RUNNING')
ON CONFLICT ("dedupeKey") DO NOTHING;
