// Fails when prisma/schema.prisma and the database built by prisma/migrations drift apart.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { readDatabaseShape } from "../support/database-shape";
import { diffShapes, parsePrismaSchema, shapeFromSchema } from "../support/prisma-schema";
import { createEmptyDatabase, type TestDatabase } from "../support/test-database";

const schemaShape = () => shapeFromSchema(parsePrismaSchema(readFileSync("prisma/schema.prisma", "utf8")));

describe("schema.prisma and the migrations", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyDatabase();
    await migrate(t.database);
  });
  afterAll(async () => t.drop());

  it("describe the same tables, columns, nullability, types, defaults, keys, indexes and enums", async () => {
    const database = await t.database.withConnection(readDatabaseShape);
    const schema = schemaShape();
    expect(database.tables.map((table) => table.name).sort()).toEqual(schema.tables.map((table) => table.name).sort());
    expect(diffShapes(schema, database)).toEqual([]);
  });

  it("notices drift made in the database (the check is not vacuous)", async () => {
    await t.database.withConnection(async (sql) => {
      await sql.exec(`
        ALTER TABLE "Person" ALTER COLUMN "givenName" SET NOT NULL;
        DROP INDEX "Organization_businessId_key";
        CREATE UNIQUE INDEX "Person_phone_key" ON "Person"("phone");
        DROP INDEX "Person_email_idx";
        CREATE INDEX "Person_email_idx" ON "Person"("email");
        ALTER TABLE "LocalEmail" ADD COLUMN "stray" TEXT;`);
    });
    const drift = diffShapes(schemaShape(), await t.database.withConnection(readDatabaseShape));
    expect(drift.sort()).toEqual(
      [
        "column Person.givenName: schema says optional, database says NOT NULL",
        "unique index Organization(businessId): in the schema, not in the database",
        "unique index Person(phone): in the database, not in the schema",
        "index Person(email,using gin(gin_trgm_ops)): in the schema, not in the database",
        "index Person(email): in the database, not in the schema",
        "column LocalEmail.stray: in the database, not in the schema",
      ].sort(),
    );
  });
});
