import { createHash } from "node:crypto";
import { AppError } from "../errors";

/** The body went past its limit: the stream is cut there, never read whole. */
class BodyTooLarge extends Error {}

const tooLarge = (maxBytes: number) =>
  new AppError("VALIDATION", `The body is larger than ${maxBytes} bytes.`, { userMessage: "fileTooLarge", fields: { file: "fileTooLarge" } });

/**
 * A multipart/form-data body, read up to `maxBytes` (a declared Content-Length over it is refused
 * before anything is read; a chunked body is cut off there). Not multipart, or not parseable: 400.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new AppError("BAD_REQUEST", "The body must be multipart/form-data.", { fields: { "(body)": "multipartRequired" } });
  }
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
  let seen = 0;
  const limited = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new BodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited ?? null, { headers: { "content-type": type } }).formData();
  } catch {
    if (seen > maxBytes) throw tooLarge(maxBytes);
    throw new AppError("BAD_REQUEST", "The body is not valid multipart/form-data.", { fields: { "(body)": "multipartInvalid" } });
  }
}

/** A digest of every part (names, file names and bytes) for Idempotency-Key: same form, same digest. */
export async function formFingerprint(form: FormData): Promise<string> {
  const hash = createHash("sha256");
  for (const [name, value] of form.entries()) {
    hash.update(`${name.length}:${name}`);
    if (typeof value === "string") hash.update(`s${value.length}:${value}`);
    else {
      hash.update(`f${value.name.length}:${value.name}${value.size}:`);
      const reader = value.stream().getReader();
      for (let piece = await reader.read(); !piece.done; piece = await reader.read()) hash.update(piece.value);
    }
  }
  return hash.digest("hex");
}
