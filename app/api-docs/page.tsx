import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { apiScopeDescriptions } from "@/lib/api-keys/scopes";
import { apiRoutes, type ApiRouteSpec } from "@/lib/api/api-routes";
import { webhookEventSchema } from "@/lib/api/schemas";
import { eventTypeDescriptions } from "@/lib/propagation/event-types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

const schemaText = (schema: z.ZodType, io: "input" | "output") => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return JSON.stringify(json, null, 2);
};

/** The integration API for developers: routes, scopes, schemas and events, from the same registry as the OpenAPI document. */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const routes = Object.entries(apiRoutes) as [string, ApiRouteSpec][];
  return (
    <main id="main">
      <div className="card">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>
          <Link href="/api/v1/openapi.json">{t("openapi")}</Link>
        </p>
        <h2>{t("routes")}</h2>
        <ul>
          {routes.map(([name, r]) => (
            <li key={name}>
              <a href={`#${name}`}>
                <code>
                  {r.method} {r.path}
                </code>
              </a>{" "}
              — {r.summary}
            </li>
          ))}
        </ul>
      </div>
      <section className="card" aria-labelledby="scopes-title">
        <h2 id="scopes-title">{t("scopes")}</h2>
        <dl className="fields">
          {Object.entries(apiScopeDescriptions).map(([scope, description]) => (
            <div className="field-row" key={scope}>
              <dt>
                <code>{scope}</code>
              </dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
      </section>
      {routes.map(([name, r]) => (
        <section className="card" key={name} id={name} aria-labelledby={`${name}-title`}>
          <h2 id={`${name}-title`}>
            <code>
              {r.method} {r.path}
            </code>
          </h2>
          <p>
            {r.summary}. {t("scopes")}: {r.scopes.map((s) => <code key={s}>{s} </code>)}
          </p>
          {r.query && (
            <details>
              <summary>{t("query")}</summary>
              <pre style={{ overflowX: "auto" }}>{schemaText(r.query, "input")}</pre>
            </details>
          )}
          {r.body && (
            <details>
              <summary>{t("request")}</summary>
              <pre style={{ overflowX: "auto" }}>{schemaText(r.body, "input")}</pre>
            </details>
          )}
          {r.form && (
            <details>
              <summary>{t("request")} (multipart/form-data)</summary>
              <pre style={{ overflowX: "auto" }}>{schemaText(r.form, "input")}</pre>
            </details>
          )}
          {Object.entries(r.responses).map(([status, schema]) => (
            <details key={status}>
              <summary>
                {t("response")} {status}
                {r.produces && ` (${r.produces})`}
              </summary>
              <pre style={{ overflowX: "auto" }}>{schemaText(schema, "output")}</pre>
            </details>
          ))}
        </section>
      ))}
      <section className="card" aria-labelledby="events-title">
        <h2 id="events-title">{t("events")}</h2>
        <dl className="fields">
          {Object.entries(eventTypeDescriptions).map(([type, description]) => (
            <div className="field-row" key={type}>
              <dt>
                <code>{type}</code>
              </dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
        <details>
          <summary>{t("webhookBody")}</summary>
          <pre style={{ overflowX: "auto" }}>{schemaText(webhookEventSchema, "output")}</pre>
        </details>
      </section>
      <section className="card" aria-labelledby="changes-title">
        <h2 id="changes-title">{t("changes")}</h2>
        <p>{t("externalIdsChange")}</p>
        <pre>{'"externalIds": { "crm": "100005" }\n"externalIds": { "crm": ["100005", "200011"] }'}</pre>
        <p>{t("mergedIds")}</p>
      </section>
    </main>
  );
}
