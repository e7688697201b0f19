import type { Prisma } from "./generated/client";

/** The Prisma client inside a transaction. */
export type Tx = Prisma.TransactionClient;
