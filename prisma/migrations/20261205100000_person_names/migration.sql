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

-- Every name a person is given is known at once, in the same transaction, whatever wrote it; a
-- name the row no longer holds (changed, or the person erased) goes at once unless someone else
-- still holds it, so an erasure leaves no name behind. Adding takes no lock and there is no unique
-- key: two transactions adding the same new name may both insert it, and a name removed while
-- another transaction gives it to someone may go missing; the sweep
-- (lib/search/sweep-person-names.ts) removes the copy and adds the missing name back.
CREATE FUNCTION "person_names_follow"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."erasedAt" IS NULL THEN
    DELETE FROM "PersonName" k
    WHERE k."name" IN (
        SELECT o FROM unnest(ARRAY[OLD."givenName", OLD."familyName"]) AS o
        WHERE o IS NOT NULL
          AND (NEW."erasedAt" IS NOT NULL OR (o IS DISTINCT FROM NEW."givenName" AND o IS DISTINCT FROM NEW."familyName")))
      AND NOT EXISTS (SELECT 1 FROM "Person" p WHERE p."familyName" = k."name" AND p."erasedAt" IS NULL)
      AND NOT EXISTS (SELECT 1 FROM "Person" p WHERE p."givenName" = k."name" AND p."erasedAt" IS NULL);
  END IF;
  IF NEW."erasedAt" IS NULL THEN
    INSERT INTO "PersonName" ("name")
    SELECT DISTINCT n FROM unnest(ARRAY[NEW."givenName", NEW."familyName"]) AS n
    WHERE n IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "PersonName" WHERE "name" = n);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Person_names_follow"
  AFTER INSERT OR UPDATE OF "givenName", "familyName", "erasedAt" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "person_names_follow"();

INSERT INTO "PersonName" ("name")
SELECT n FROM (
  SELECT "givenName" AS n FROM "Person" WHERE "erasedAt" IS NULL
  UNION SELECT "familyName" FROM "Person" WHERE "erasedAt" IS NULL
) AS names WHERE n IS NOT NULL;
