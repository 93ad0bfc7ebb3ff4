// A simulated LTI 1.3 platform (an LMS) in the test process, over HTTP on loopback: its own RSA
// keys and JWKS, the OIDC auth endpoint (answers a login with an auto-post form carrying a signed
// id_token), the OAuth2 token endpoint (client_credentials with a JWT assertion, verified against
// the tool's JWKS), AGS line items and scores, NRPS memberships, and the deep-linking return URL.
// What the tool sent is recorded for the test to assert on.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { SignJWT, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type CryptoKey, type JWK } from "jose";

export type PlatformUser = { sub: string; email?: string; name: string; roles: string[] };
export type LaunchSpec = {
  kind: "resource" | "deep";
  user: PlatformUser;
  contextId?: string;
  resourceLinkId?: string;
  custom?: Record<string, string>;
  /** Tamper with the id_token claims (hostile launches). */
  claims?: (c: Record<string, unknown>) => Record<string, unknown>;
  /** Sign with a key the platform never published (hostile launch). */
  foreignKey?: boolean;
};
export type LineItem = { id: string; scoreMaximum: number; label: string; resourceId?: string; resourceLinkId?: string };
export type ReceivedScore = { lineItem: string; userId: string; scoreGiven: number; scoreMaximum: number; timestamp: string; userAgent: string };

export const ROLE = {
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  ta: "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
};

export type SimulatedPlatform = Awaited<ReturnType<typeof startPlatform>>;

export async function startPlatform(toolJwksUrl: () => string) {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const foreign = await generateKeyPair("RS256");
  const kid = "platform-key-1";
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const clientId = "tool-client-1";
  const deploymentId = "deployment-1";
  const lineItems: LineItem[] = [];
  const scores: ReceivedScore[] = [];
  const deepLinkResponses: Record<string, unknown>[] = [];
  const tokenRequests: { scope: string }[] = [];
  const members: { user_id: string; email?: string; name: string; roles: string[]; status: string }[] = [];
  const tokens = new Set<string>();
  const launches = new Map<string, LaunchSpec>();
  let toolKeys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const keys = () => (toolKeys ??= createRemoteJWKSet(new URL(toolJwksUrl())));

  const server = http.createServer((req, res) => void handle(req, res).catch((e) => res.writeHead(500).end(String(e))));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const issuer = base;

  async function body(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  const json = (res: http.ServerResponse, status: number, value: unknown, type = "application/json") =>
    res.writeHead(status, { "content-type": type }).end(JSON.stringify(value));
  const authorized = (req: http.IncomingMessage) => tokens.has((req.headers.authorization ?? "").replace(/^Bearer /, ""));

  async function idToken(spec: LaunchSpec, nonce: string): Promise<string> {
    const context = spec.contextId ?? "ctx-1";
    let claims: Record<string, unknown> = {
      nonce,
      email: spec.user.email,
      name: spec.user.name,
      "https://purl.imsglobal.org/spec/lti/claim/message_type": spec.kind === "deep" ? "LtiDeepLinkingRequest" : "LtiResourceLinkRequest",
      "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
      "https://purl.imsglobal.org/spec/lti/claim/deployment_id": deploymentId,
      "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": "ignored",
      "https://purl.imsglobal.org/spec/lti/claim/roles": spec.user.roles,
      "https://purl.imsglobal.org/spec/lti/claim/context": { id: context, title: "ML Theory (LMS)", label: "MLT" },
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
        scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
        lineitems: `${base}/contexts/${context}/lineitems`,
      },
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
        context_memberships_url: `${base}/contexts/${context}/memberships`,
        service_versions: ["2.0"],
      },
    };
    if (spec.kind === "deep")
      claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = {
        deep_link_return_url: `${base}/deep-link-return`,
        accept_types: ["ltiResourceLink"],
        accept_multiple: true,
        data: "opaque-platform-data",
      };
    else {
      claims["https://purl.imsglobal.org/spec/lti/claim/resource_link"] = { id: spec.resourceLinkId ?? "rl-1", title: "Link" };
      if (spec.custom) claims["https://purl.imsglobal.org/spec/lti/claim/custom"] = spec.custom;
    }
    if (spec.claims) claims = spec.claims(claims);
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).setIssuedAt();
    if (claims.iss === undefined) jwt.setIssuer(issuer);
    if (claims.aud === undefined) jwt.setAudience(clientId);
    if (claims.sub === undefined) jwt.setSubject(spec.user.sub);
    if (claims.exp === undefined) jwt.setExpirationTime("5m");
    return jwt.sign((spec.foreignKey ? foreign.privateKey : privateKey) as CryptoKey);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", base);
    const p = url.pathname;
    if (p === "/jwks") return json(res, 200, { keys: [jwk] });
    // An LMS course page that shows the tool in an iframe, as LMSs do.
    if (p === "/course-page")
      return res
        .writeHead(200, { "content-type": "text/html" })
        .end(`<h1>LMS course</h1><iframe title="tool" src="${(url.searchParams.get("src") ?? "").replace(/"/g, "&quot;")}" width="900" height="500"></iframe>`);
    if (p === "/auth") {
      // The OIDC authorization endpoint: checks what the tool sent, answers with the form post.
      const q = url.searchParams;
      const spec = launches.get(q.get("lti_message_hint") ?? "");
      if (q.get("client_id") !== clientId || q.get("response_mode") !== "form_post" || q.get("scope") !== "openid" || !spec)
        return json(res, 400, { error: "invalid_request" });
      const fields = { id_token: await idToken(spec, q.get("nonce")!), state: q.get("state")! };
      const inputs = Object.entries(fields)
        .map(([k, v]) => `<input type="hidden" name="${k}" value="${v}">`)
        .join("");
      return res
        .writeHead(200, { "content-type": "text/html" })
        .end(`<form method="post" action="${q.get("redirect_uri")}">${inputs}</form><script>document.forms[0].submit()</script>`);
    }
    if (p === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await body(req));
      if (form.get("grant_type") !== "client_credentials" || form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        return json(res, 400, { error: "unsupported_grant_type" });
      try {
        await jwtVerify(form.get("client_assertion") ?? "", keys(), { issuer: clientId, subject: clientId, audience: `${base}/token` });
      } catch {
        return json(res, 401, { error: "invalid_client" });
      }
      tokenRequests.push({ scope: form.get("scope") ?? "" });
      const token = randomBytes(16).toString("hex");
      tokens.add(token);
      return json(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") });
    }
    if (p === "/deep-link-return" && req.method === "POST") {
      const form = new URLSearchParams(await body(req));
      const { payload } = await jwtVerify(form.get("JWT") ?? "", keys(), { issuer: clientId, audience: issuer });
      deepLinkResponses.push(payload);
      // Like Canvas: each content item with a lineItem gets one, carrying its resourceId.
      for (const item of (payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as { lineItem?: Omit<LineItem, "id"> }[]) ?? [])
        if (item.lineItem) lineItems.push({ id: `${base}/contexts/ctx-1/lineitems/${lineItems.length + 1}`, ...item.lineItem });
      return res.writeHead(200, { "content-type": "text/html" }).end("<p>Deep linking done</p>");
    }
    const li = /^\/contexts\/([^/]+)\/lineitems(?:\/(\d+))?(\/scores)?$/.exec(p);
    if (li) {
      if (!authorized(req) || !req.headers["user-agent"]) return json(res, 401, { error: "unauthorized" });
      if (li[3] && req.method === "POST") {
        const s = JSON.parse(await body(req)) as Omit<ReceivedScore, "lineItem" | "userAgent">;
        scores.push({ ...s, lineItem: `${base}/contexts/${li[1]}/lineitems/${li[2]}`, userAgent: String(req.headers["user-agent"]) });
        return res.writeHead(200).end();
      }
      if (!li[2] && req.method === "GET") {
        const rid = url.searchParams.get("resource_id");
        return json(res, 200, rid ? lineItems.filter((x) => x.resourceId === rid) : lineItems, "application/vnd.ims.lis.v2.lineitemcontainer+json");
      }
      if (!li[2] && req.method === "POST") {
        const item = { id: `${base}/contexts/${li[1]}/lineitems/${lineItems.length + 1}`, ...(JSON.parse(await body(req)) as Omit<LineItem, "id">) };
        lineItems.push(item);
        return json(res, 201, item, "application/vnd.ims.lis.v2.lineitem+json");
      }
    }
    if (/^\/contexts\/[^/]+\/memberships$/.test(p)) {
      if (!authorized(req)) return json(res, 401, { error: "unauthorized" });
      return json(res, 200, { id: p, context: { id: "ctx-1" }, members }, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json");
    }
    return json(res, 404, { error: "not found" });
  }

  return {
    base,
    issuer,
    clientId,
    deploymentId,
    registration: {
      name: "Simulated LMS",
      issuer,
      clientId,
      deploymentIds: [deploymentId],
      authUrl: `${base}/auth`,
      tokenUrl: `${base}/token`,
      jwksUrl: `${base}/jwks`,
    },
    lineItems,
    scores,
    deepLinkResponses,
    tokenRequests,
    members,
    /** Registers a launch; its hint goes in the login initiation's lti_message_hint. */
    launch(spec: LaunchSpec): string {
      const hint = randomBytes(8).toString("hex");
      launches.set(hint, spec);
      return hint;
    },
    /** An id_token for a nonce, outside the login flow (hostile launches reuse or forge them). */
    idToken,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
