import "server-only";
import { signOut } from "./auth";

/** Ends this browser's session and returns to the sign-in page. */
export async function signOutHere(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
