// GET /metrics on the app's own port, answered by scripts/server.ts before Next.js (so neither
// proxy.ts nor a rate limit is involved), and only to `Authorization: Bearer <METRICS_TOKEN>`.
// Without METRICS_TOKEN the server never calls this: /metrics is then an unknown page (404).
import type { IncomingMessage, ServerResponse } from "node:http";
import { describeError, log } from "../log";
import { hasBearerToken } from "./bearer-token";
import type { Metrics } from "./create-metrics";

export const METRICS_PATH = "/metrics";

const plain = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function isMetricsRequest(url: string | undefined): boolean {
  const path = (url ?? "").split("?")[0];
  return path === METRICS_PATH;
}

/**
 * The server's hook for every request: answers /metrics (true), or starts timing the request
 * for Next.js to answer (false).
 */
export function metricsInterceptor(metrics: Metrics, token: string) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!isMetricsRequest(req.url)) {
      metrics.observeRequest(req, res);
      return false;
    }
    void answerMetrics(metrics, token, req, res);
    return true;
  };
}

async function answerMetrics(metrics: Metrics, token: string, req: IncomingMessage, res: ServerResponse) {
  if (!hasBearerToken(req.headers.authorization, token)) {
    res.writeHead(401, { ...plain, "WWW-Authenticate": 'Bearer realm="metrics"' }).end("A metrics token is required.\n");
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...plain, Allow: "GET, HEAD" }).end("Use GET.\n");
    return;
  }
  try {
    const body = await metrics.scrape();
    res.writeHead(200, { ...plain, "Content-Type": metrics.contentType }).end(req.method === "HEAD" ? undefined : body);
  } catch (error) {
    log.error("metrics.scrape_failed", describeError(error));
    res.writeHead(500, plain).end("The metrics could not be read.\n");
  }
}
