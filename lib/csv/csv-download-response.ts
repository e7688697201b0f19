import { isAppError } from "../errors";

/**
 * A CSV file download streamed from `lines` as the browser reads it, never held whole. `open`
 * runs the domain call (role check, audit) first, so a refusal is answered with its status and
 * message before any line is sent.
 */
export async function csvDownloadResponse(open: () => Promise<AsyncGenerator<string>>, filename: string): Promise<Response> {
  let lines: AsyncGenerator<string>;
  try {
    lines = await open();
  } catch (error) {
    if (isAppError(error)) return new Response(error.options.userMessage ?? error.code, { status: error.status });
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}
