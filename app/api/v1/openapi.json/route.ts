// GET /api/v1/openapi.json — the OpenAPI 3.1 document, built from the schemas the handlers use.
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { getConfig } from "@/lib/config";

export function GET() {
  return Response.json(buildOpenApiDocument(getConfig().APP_URL), { headers: { "cache-control": "no-store" } });
}
