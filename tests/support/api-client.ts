// Calls the integration API's route handlers directly with standard Requests.
import { callApi } from "./api-server";

/** A FormData body is sent as multipart/form-data; a JSON (or problem+json) answer is parsed, any other kept as text. */
export async function api(method: string, path: string, { key, body, headers = {} }: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const form = body instanceof FormData;
  const response = await callApi(
    new Request(`http://localhost${path}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined && !form ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : form || typeof body === "string" ? (body as FormData | string) : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  const json = /json/.test(response.headers.get("content-type") ?? "json");
  return { status: response.status, headers: response.headers, body: text ? (json ? JSON.parse(text) : text) : null };
}
