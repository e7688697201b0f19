import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffShapes, parsePrismaSchema, shapeFromSchema, type SchemaShape } from "../support/prisma-schema";

const SCHEMA = `
datasource db {
  provider = "postgresql" // not a model
}

enum Tier {
  FREE
  PAID
}

/// A customer.
model Customer {
  id        String   @id @default(uuid(7))
  email     String   @unique(map: "customer_email")
  nickname  String?  @map("nick_name")
  tier      Tier     @default(FREE)
  tags      String[]
  homepage  String?  @default("https://example.com/#x") // a URL, not a comment
  born      DateTime? @db.Date
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  orders    Order[]

  @@map("customers")
}

model Order {
  customerId String
  number     Int
  total      Decimal
  customer   Customer @relation(fields: [customerId], references: [id], onDelete: Cascade)

  @@id([customerId, number])
  @@unique([number, customerId], name: "byNumber")
  @@index([customerId(sort: Desc)])
  @@index([customerId(ops: raw("gin_trgm_ops"))], type: Gin)
}
`;

const expected = shapeFromSchema(parsePrismaSchema(SCHEMA));
const clone = (shape: SchemaShape): SchemaShape => structuredClone(shape);

describe("parsePrismaSchema + shapeFromSchema", () => {
  it("reads tables, columns, keys and indexes, leaving relation fields out", () => {
    expect(expected.enums).toEqual({ Tier: ["FREE", "PAID"] });
    expect(expected.tables.map((t) => t.name)).toEqual(["customers", "Order"]);
    const [customers, order] = expected.tables;
    expect(customers!.columns).toEqual([
      { name: "id", type: "text", nullable: false, hasDefault: false },
      { name: "email", type: "text", nullable: false, hasDefault: false },
      { name: "nick_name", type: "text", nullable: true, hasDefault: false },
      { name: "tier", type: "Tier", nullable: false, hasDefault: true },
      { name: "tags", type: "_text", nullable: true, hasDefault: false },
      { name: "homepage", type: "text", nullable: true, hasDefault: true },
      { name: "born", type: "date", nullable: true, hasDefault: false },
      { name: "createdAt", type: "timestamp", nullable: false, hasDefault: true },
      { name: "updatedAt", type: "timestamp", nullable: false, hasDefault: false },
    ]);
    expect(customers!.primaryKey).toEqual(["id"]);
    expect(customers!.uniques).toEqual([["id"], ["email"]]);
    expect(order!.columns.map((c) => c.name)).toEqual(["customerId", "number", "total"]);
    expect(order!.primaryKey).toEqual(["customerId", "number"]);
    expect(order!.uniques).toEqual([["customerId", "number"], ["number", "customerId"]]);
    expect(order!.indexes).toEqual([["customerId"], ["customerId", "using gin(gin_trgm_ops)"]]);
  });

  it("refuses what it does not understand instead of ignoring it", () => {
    expect(() => shapeFromSchema(parsePrismaSchema("model A {\n  id Unsupported @id\n}"))).toThrow(/not understood/);
    expect(() => shapeFromSchema(parsePrismaSchema("model A {\n  id Int @id\n  @@fulltext([id])\n}"))).toThrow(/not understood/);
    expect(() => shapeFromSchema(parsePrismaSchema("model A {\n  id String @id\n  @@index([id(ops: TrgmOps)], type: Gin)\n}"))).toThrow(/not understood/);
    expect(() => shapeFromSchema(parsePrismaSchema('model A {\n  id String @id\n  @@index([id(ops: raw("x"))])\n}'))).toThrow(/not understood/);
  });

  it("reads the project's own schema", () => {
    const shape = shapeFromSchema(parsePrismaSchema(readFileSync("prisma/schema.prisma", "utf8")));
    const user = shape.tables.find((t) => t.name === "User")!;
    expect(user.columns.map((c) => c.name)).not.toContain("accounts");
    expect(user.columns.find((c) => c.name === "role")).toEqual({ name: "role", type: "Role", nullable: false, hasDefault: true });
    expect(shape.tables.find((t) => t.name === "Account")!.primaryKey).toEqual(["provider", "providerAccountId"]);
  });
});

describe("diffShapes", () => {
  it("finds no drift between identical shapes", () => {
    expect(diffShapes(expected, clone(expected))).toEqual([]);
  });

  it("reports a nullable mismatch", () => {
    const db = clone(expected);
    db.tables[0]!.columns.find((c) => c.name === "nick_name")!.nullable = false;
    expect(diffShapes(expected, db)).toEqual(["column customers.nick_name: schema says optional, database says NOT NULL"]);
  });

  it("reports missing and extra tables, columns and indexes, type, default and enum changes", () => {
    const db = clone(expected);
    const [customers, order] = db.tables;
    customers!.columns = customers!.columns.filter((c) => c.name !== "born");
    customers!.columns.push({ name: "legacy", type: "text", nullable: true, hasDefault: false });
    customers!.columns.find((c) => c.name === "tier")!.type = "text";
    customers!.columns.find((c) => c.name === "createdAt")!.hasDefault = false;
    customers!.uniques = [["id"]];
    order!.indexes.push(["total"]);
    db.tables.push({ name: "Stray", columns: [], primaryKey: null, uniques: [], indexes: [] });
    db.enums.Tier = ["FREE"];
    expect(diffShapes(expected, db).sort()).toEqual(
      [
        "table Stray: in the database, not in the schema",
        "column customers.legacy: in the database, not in the schema",
        "column customers.born: in the schema, not in the database",
        "column customers.tier: schema type Tier, database type text",
        "column customers.createdAt: schema has database default, database has none",
        "unique index customers(email): in the schema, not in the database",
        "index Order(total): in the database, not in the schema",
        "enum Tier: schema [FREE,PAID], database [FREE]",
      ].sort(),
    );
  });

  it("reports a unique index the schema lacks and a different primary key", () => {
    const db = clone(expected);
    db.tables[1]!.uniques.push(["total"]);
    db.tables[1]!.primaryKey = ["number"];
    expect(diffShapes(expected, db)).toEqual([
      "table Order: primary key (customerId,number) in the schema, (number) in the database",
      "unique index Order(total): in the database, not in the schema",
    ]);
  });
});
