"use server";

import { signOutHere } from "@/lib/auth/sign-out";

export async function signOutAction(): Promise<void> {
  await signOutHere();
}
