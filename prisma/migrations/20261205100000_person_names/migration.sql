-- The distinct given and family names of persons, for the staff search's typo-tolerant name
-- match (lib/search/search-persons.ts). Names repeat (a few hundred surnames cover most of a
-- country), so the trigram index of Person's name columns holds long lists for common trigrams:
-- a misspelt surname cost ~40 ms there at 100,000 persons. The trigram search now runs over the
-- distinct names, and the persons holding the similar names are found by equality.

CREATE TABLE "PersonName" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "PersonName_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PersonName_name_idx" ON "PersonName"("name");
CREATE INDEX "PersonName_name_trgm_idx" ON "PersonName" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "Person_familyName_equals_idx" ON "Person"("familyName");
CREATE INDEX "Person_givenName_equals_idx" ON "Person"("givenName");

-- Every name a person is given is known at once, in the same transaction, whatever wrote it. No
-- unique key and no lock: two transactions adding the same new name may both insert it (the
-- sweep, lib/search/sweep-person-names.ts, removes the copy, and names no longer held by anyone).
CREATE FUNCTION "person_name_known"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "PersonName" ("name")
  SELECT DISTINCT n FROM unnest(ARRAY[NEW."givenName", NEW."familyName"]) AS n
  WHERE n IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "PersonName" WHERE "name" = n);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Person_names_known"
  AFTER INSERT OR UPDATE OF "givenName", "familyName" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "person_name_known"();

INSERT INTO "PersonName" ("name")
SELECT n FROM (
  SELECT "givenName" AS n FROM "Person" WHERE "erasedAt" IS NULL
  UNION SELECT "familyName" FROM "Person" WHERE "erasedAt" IS NULL
) AS names WHERE n IS NOT NULL;
