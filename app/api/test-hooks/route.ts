// POST /api/test-hooks — browser-test helpers; 404 unless TEST_HOOKS=true and the client is local.
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getConfig } from "@/lib/config";
import { testHooksServed } from "@/lib/runtime/dev-surfaces";
import { runTestHook, testHookSchema } from "@/lib/testing/test-hooks";

export async function POST(request: Request) {
  if (!testHooksServed(getConfig(), clientIpFrom(request.headers))) return new Response(null, { status: 404 });
  const parsed = testHookSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "invalid hook" }, { status: 400 });
  return Response.json(await runTestHook(parsed.data));
}
