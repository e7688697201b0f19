import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { apiScopes } from "@/lib/api-keys/scopes";
import { apiRoutes, type ApiRouteSpec } from "@/lib/api/api-routes";
import { webhookEventSchema } from "@/lib/api/schemas";
import { describeEventType } from "@/lib/i18n/describe-audit-entry";
import type { Locale } from "@/lib/i18n/locales";
import { eventTypes } from "@/lib/propagation/event-types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

const schemaText = (schema: z.ZodType, io: "input" | "output") => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return JSON.stringify(json, null, 2);
};

// Field names and event types inside a message stay as code: <code>data.status</code>.
const code = (chunks: ReactNode) => <code>{chunks}</code>;

/**
 * The integration API for developers: routes, scopes, schemas and events, from the same registry
 * as the OpenAPI document. Scopes and events read as words of the reader's language, each with its
 * code beside it for the integrator.
 */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const keys = await getTranslations("systems.keys");
  const locale = (await getLocale()) as Locale;
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
        <dl className="fields" data-testid="api-scopes">
          {apiScopes.map((scope) => (
            <div className="field-row" key={scope}>
              <dt>
                {keys(`scopeNames.${scope}`)} <code>{scope}</code>
              </dt>
              <dd>{keys(`scopeDescriptions.${scope}`)}</dd>
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
            {r.summary}. {t("scopes")}:{" "}
            {r.scopes.map((scope, i) => (
              <span key={scope}>
                {i > 0 && ", "}
                {keys(`scopeNames.${scope}`)} (<code>{scope}</code>)
              </span>
            ))}
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
        <dl className="fields" data-testid="api-events">
          {eventTypes.map((type) => (
            <div className="field-row" key={type}>
              <dt>
                {describeEventType(locale, type)} <code>{type}</code>
              </dt>
              <dd>{t.rich(`eventDescriptions.${type}`, { code })}</dd>
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
        <p>{t.rich("externalIdsChange", { code })}</p>
        <pre>{'"externalIds": { "crm": "100005" }\n"externalIds": { "crm": ["100005", "200011"] }'}</pre>
        <p>{t.rich("mergedIds", { code })}</p>
      </section>
    </main>
  );
}
