// A real OpenID Connect provider (oidc-provider) for the staff sign-in browser test, on loopback.
// Its login page takes any name and password (devInteractions); the account with that name gets
// the claims the test set through POST /test/accounts/<name> ({ email, email_verified, groups }).
// Usage: tsx tests/e2e/support/oidc-provider.ts <port> <app URLs, comma-separated> <client id> <client secret>
import { createServer } from "node:http";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

const [port, appUrls, clientId, clientSecret] = process.argv.slice(2);
if (!port || !appUrls || !clientId || !clientSecret) throw new Error("usage: oidc-provider.ts <port> <app URLs> <client id> <client secret>");

const accounts = new Map<string, Record<string, unknown>>();

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: appUrls.split(",").map((url) => `${url}/api/auth/callback/oidc`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  pkce: { required: () => true },
  // groups rides with the profile scope here; Entra ID and Keycloak add it by configuration.
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  // The groups claim in the ID token itself, as the identity providers in the README send it.
  conformIdTokenClaims: false,
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...(accounts.get(id) ?? {}) }) }),
  // Consent is granted at once (a company's own app), so the login page is the only interaction.
  loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
    const { client, session } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["omadata-e2e-oidc-cookies"] },
});

const handle = provider.callback();
createServer((req, res) => {
  const hook = req.url?.match(/^\/test\/accounts\/([\w.-]+)$/);
  if (hook && req.method === "POST") {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk));
    req.on("end", () => {
      accounts.set(hook[1]!, JSON.parse(body) as Record<string, unknown>);
      res.writeHead(204).end();
    });
    return;
  }
  void handle(req, res);
}).listen(Number(port), "127.0.0.1");
