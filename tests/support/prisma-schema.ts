// A small reader of our prisma/schema.prisma and a comparison with a database's shape, so a test
// can fail when the schema and the SQL migrations drift apart (`prisma migrate diff` needs the
// native engine, which this platform lacks). It understands what our schema uses: models, enums,
// scalar/enum/relation fields, `?`, lists, @id, @@id, @unique, @@unique, @@index, @map, @@map,
// @default, @updatedAt, a few @db.* native types, and index methods with raw operator classes
// (`@@index([name(ops: raw("gin_trgm_ops"))], type: Gin)`). Anything else it refuses loudly.

export interface PrismaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  /** The field's attributes as written, e.g. ["@id", "@default(uuid(7))"]. */
  attributes: string[];
}

export interface PrismaModel {
  name: string;
  fields: PrismaField[];
  /** Block attributes as written, e.g. ["@@id([a, b])", "@@index([c])"]. */
  blockAttributes: string[];
}

export interface PrismaSchema {
  models: PrismaModel[];
  enums: Record<string, string[]>;
}

export function parsePrismaSchema(source: string): PrismaSchema {
  const models: PrismaModel[] = [];
  const enums: Record<string, string[]> = {};
  const lines = source.split("\n").map((line) => stripComment(line).trim());
  for (let i = 0; i < lines.length; i += 1) {
    const head = /^(model|enum|view|type)\s+(\w+)\s*\{$/.exec(lines[i]!);
    if (!head) continue;
    const body: string[] = [];
    for (i += 1; lines[i] !== "}"; i += 1) {
      if (i >= lines.length) throw new Error(`unterminated block ${head[2]}`);
      if (lines[i]) body.push(lines[i]!);
    }
    if (head[1] === "enum") enums[head[2]!] = body.filter((l) => !l.startsWith("@@"));
    else if (head[1] === "model") models.push(parseModel(head[2]!, body));
    else throw new Error(`${head[1]} blocks are not supported (${head[2]})`);
  }
  return { models, enums };
}

/** Removes a `//` or `///` comment, but not `//` inside a string such as a URL default. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '"' && line[i - 1] !== "\\") quoted = !quoted;
    if (!quoted && line.startsWith("//", i)) return line.slice(0, i);
  }
  return line;
}

function parseModel(name: string, body: string[]): PrismaModel {
  const fields: PrismaField[] = [];
  const blockAttributes: string[] = [];
  for (const line of body) {
    if (line.startsWith("@@")) {
      blockAttributes.push(line);
      continue;
    }
    const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
    if (!match) throw new Error(`cannot read field line in ${name}: ${line}`);
    fields.push({ name: match[1]!, type: match[2]!, list: !!match[3], optional: !!match[4], attributes: splitAttributes(match[5]!) });
  }
  return { name, fields, blockAttributes };
}

/** Splits `@id @default(uuid(7)) @map("x")` into attributes, respecting parentheses and quotes. */
function splitAttributes(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth += 1;
    if (!quoted && ch === ")") depth -= 1;
    if (!quoted && depth === 0 && ch === "@" && current.trim()) {
      out.push(current.trim());
      current = "";
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

// ── The shape both sides are compared in ────────────────────────────────────

export interface ColumnShape {
  name: string;
  /** PostgreSQL udt_name: text, int4, timestamp, jsonb, the enum's name; `_text` for text[]. */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  /** Column list of the primary key, or null. */
  primaryKey: string[] | null;
  /** Column lists of the unique indexes, primary key included. */
  uniques: string[][];
  /**
   * Column lists of the other indexes. An index with another method than btree ends with a
   * marker of the method and operator classes, e.g. ["familyName", "using gin(gin_trgm_ops)"].
   */
  indexes: string[][];
}

export interface SchemaShape {
  tables: TableShape[];
  enums: Record<string, string[]>;
}

const SCALARS: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE: Record<string, string> = {
  Date: "date",
  Text: "text",
  VarChar: "varchar",
  Char: "bpchar",
  Uuid: "uuid",
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  SmallInt: "int2",
  Integer: "int4",
  BigInt: "int8",
  JsonB: "jsonb",
  Citext: "citext",
};

/** Defaults Prisma fills in on the client: the column has no database default. */
const CLIENT_DEFAULTS = /^@default\((uuid|cuid|nanoid|ulid)\(/;

const attr = (field: PrismaField, name: string) => field.attributes.find((a) => a === name || a.startsWith(`${name}(`));
const stringArg = (attribute: string | undefined) => (attribute ? /"([^"]+)"/.exec(attribute)?.[1] : undefined);
/** The field names of `@@id([a, b(sort: Desc)], map: "x")`. */
const fieldList = (attribute: string) =>
  /\[([^\]]*)\]/.exec(attribute)![1]!.split(",").map((f) => f.trim().replace(/\(.*\)$/, "")).filter(Boolean);

/** The method marker of `@@index([a(ops: raw("x"))], type: Gin)`: "using gin(x)"; null for btree. */
function indexMethodMarker(attribute: string): string | null {
  const method = /\],\s*(?:[^)]*,\s*)?type:\s*(\w+)/.exec(attribute)?.[1]?.toLowerCase();
  const fields = /\[([^\]]*)\]/.exec(attribute)![1]!;
  if (/ops:/.test(fields) && !/ops:\s*raw\("[^"]+"\)/.test(fields)) throw new Error(`${attribute}: operator classes other than raw("…") are not understood`);
  const ops = [...fields.matchAll(/ops:\s*raw\("([^"]+)"\)/g)].map((m) => m[1]);
  if (!method || method === "btree") {
    if (ops.length) throw new Error(`${attribute}: operator classes on a btree index are not understood`);
    return null;
  }
  return `using ${method}(${ops.join(",")})`;
}

/** What the database should look like according to the schema. */
export function shapeFromSchema(schema: PrismaSchema): SchemaShape {
  const modelNames = new Set(schema.models.map((m) => m.name));
  const tables = schema.models.map((model): TableShape => {
    const columnOf = new Map<string, string>();
    const columns: ColumnShape[] = [];
    for (const field of model.fields) {
      if (modelNames.has(field.type)) continue; // relation field: no column of its own
      const column = stringArg(attr(field, "@map")) ?? field.name;
      columnOf.set(field.name, column);
      const native = field.attributes.find((a) => a.startsWith("@db."));
      let type = SCALARS[field.type] ?? (schema.enums[field.type] ? field.type : undefined);
      if (native) type = NATIVE[/^@db\.(\w+)/.exec(native)![1]!];
      if (!type) throw new Error(`${model.name}.${field.name}: type ${field.type} ${native ?? ""} is not understood`);
      const fieldDefault = attr(field, "@default");
      columns.push({
        name: column,
        type: field.list ? `_${type}` : type,
        // Prisma creates scalar lists without NOT NULL.
        nullable: field.optional || field.list,
        hasDefault: !!fieldDefault && !CLIENT_DEFAULTS.test(fieldDefault),
      });
    }
    const columnsFor = (names: string[]) =>
      names.map((n) => {
        const column = columnOf.get(n);
        if (!column) throw new Error(`${model.name}: ${n} in a block attribute is not a scalar field`);
        return column;
      });
    const block = (name: string) => model.blockAttributes.filter((a) => a.startsWith(`${name}(`)).map((a) => columnsFor(fieldList(a)));
    const indexes = model.blockAttributes
      .filter((a) => a.startsWith("@@index("))
      .map((a) => {
        const marker = indexMethodMarker(a);
        return marker ? [...columnsFor(fieldList(a)), marker] : columnsFor(fieldList(a));
      });
    const idFields = model.fields.filter((f) => attr(f, "@id")).map((f) => columnOf.get(f.name)!);
    const primaryKey = idFields.length ? idFields : (block("@@id")[0] ?? null);
    const singleUniques = model.fields.filter((f) => attr(f, "@unique")).map((f) => [columnOf.get(f.name)!]);
    for (const a of model.blockAttributes) {
      if (!/^@@(id|unique|index|map)\(/.test(a)) throw new Error(`${model.name}: ${a} is not understood`);
    }
    return {
      name: stringArg(model.blockAttributes.find((a) => a.startsWith("@@map("))) ?? model.name,
      columns,
      primaryKey,
      uniques: [...(primaryKey ? [primaryKey] : []), ...singleUniques, ...block("@@unique")],
      indexes,
    };
  });
  return { tables, enums: schema.enums };
}

/** Every difference between the schema's shape and the database's; empty when they agree. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  const byName = (tables: TableShape[]) => new Map(tables.map((t) => [t.name, t]));
  const actualTables = byName(actual.tables);
  const expectedTables = byName(expected.tables);
  for (const name of actualTables.keys()) if (!expectedTables.has(name)) problems.push(`table ${name}: in the database, not in the schema`);
  for (const [name, want] of expectedTables) {
    const have = actualTables.get(name);
    if (!have) {
      problems.push(`table ${name}: in the schema, not in the database`);
      continue;
    }
    const haveColumns = new Map(have.columns.map((c) => [c.name, c]));
    for (const c of have.columns) if (!want.columns.some((w) => w.name === c.name)) problems.push(`column ${name}.${c.name}: in the database, not in the schema`);
    for (const w of want.columns) {
      const h = haveColumns.get(w.name);
      if (!h) problems.push(`column ${name}.${w.name}: in the schema, not in the database`);
      else {
        if (h.nullable !== w.nullable) problems.push(`column ${name}.${w.name}: schema says ${w.nullable ? "optional" : "required"}, database says ${h.nullable ? "nullable" : "NOT NULL"}`);
        if (h.type !== w.type) problems.push(`column ${name}.${w.name}: schema type ${w.type}, database type ${h.type}`);
        if (h.hasDefault !== w.hasDefault) problems.push(`column ${name}.${w.name}: schema ${w.hasDefault ? "has" : "has no"} database default, database ${h.hasDefault ? "has" : "has none"}`);
      }
    }
    const key = (cols: string[] | null) => (cols ? cols.join(",") : "none");
    if (key(want.primaryKey) !== key(have.primaryKey)) problems.push(`table ${name}: primary key (${key(want.primaryKey)}) in the schema, (${key(have.primaryKey)}) in the database`);
    for (const [kind, wantSets, haveSets] of [["unique index", want.uniques, have.uniques], ["index", want.indexes, have.indexes]] as const) {
      const haveKeys = haveSets.map(key);
      const wantKeys = wantSets.map(key);
      for (const k of wantKeys) if (!haveKeys.includes(k)) problems.push(`${kind} ${name}(${k}): in the schema, not in the database`);
      for (const k of haveKeys) if (!wantKeys.includes(k)) problems.push(`${kind} ${name}(${k}): in the database, not in the schema`);
    }
  }
  for (const name of new Set([...Object.keys(expected.enums), ...Object.keys(actual.enums)])) {
    const w = expected.enums[name]?.join(",");
    const h = actual.enums[name]?.join(",");
    if (w !== h) problems.push(`enum ${name}: schema [${w ?? "missing"}], database [${h ?? "missing"}]`);
  }
  return problems;
}
