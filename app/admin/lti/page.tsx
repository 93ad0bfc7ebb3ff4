import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/access";
import { getDb } from "@/lib/db";
import { listPlatforms } from "@/lib/lti/platforms";
import { listToolKeys, signingKey } from "@/lib/lti/tool-keys";
import { toolUrls } from "@/lib/lti/urls";
import { LocalTime } from "@/components/local-time";
import { AdminButton, PlatformForm } from "@/components/lti/platform-form";

// Site administrators: the URLs to paste into the LMS, the registered platforms, the tool's keys.
export default async function LtiAdminPage() {
  await requireAdmin("/admin/lti");
  const t = await getTranslations("lti");
  const db = await getDb();
  await signingKey(db);
  const [platforms, keys] = await Promise.all([listPlatforms(db), listToolKeys(db)]);
  const urls = toolUrls();
  return (
    <section>
      <h1>{t("adminTitle")}</h1>
      <h2>{t("urlsTitle")}</h2>
      <p className="muted">{t("urlsLead")}</p>
      <table>
        <tbody>
          {(
            [
              ["urlLogin", urls.login],
              ["urlLaunch", urls.launch],
              ["urlDeepLinking", urls.deepLinking],
              ["urlJwks", urls.jwks],
            ] as const
          ).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{t(k)}</th>
              <td>
                <code>{v}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("platformsTitle")}</h2>
      {platforms.length === 0 ? (
        <p className="muted">{t("platformsNone")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t("field.name")}</th>
              <th>{t("field.issuer")}</th>
              <th>{t("field.clientId")}</th>
              <th>{t("field.deploymentIds")}</th>
              <th>{t("contexts")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {platforms.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>
                  <code>{p.issuer}</code>
                </td>
                <td>
                  <code>{p.clientId}</code>
                </td>
                <td>{p.deploymentIds.join(", ")}</td>
                <td>{p._count.contexts}</td>
                <td>
                  <AdminButton body={{ action: "remove-platform", id: p.id }} label={t("platformRemove")} confirm={t("platformRemoveConfirm")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("platformAdd")}</h2>
      <p className="muted">{t("platformAddLead")}</p>
      <PlatformForm />
      <h2>{t("keysTitle")}</h2>
      <p className="muted">{t("keysLead")}</p>
      <table>
        <thead>
          <tr>
            <th>kid</th>
            <th>{t("keyCreated")}</th>
            <th>{t("keyState")}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>
                <code>{k.id}</code>
              </td>
              <td>
                <LocalTime iso={k.createdAt.toISOString()} />
              </td>
              <td>{k.retiredAt ? t("keyRetired") : t("keyActive")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <AdminButton body={{ action: "rotate-key" }} label={t("keyRotate")} confirm={t("keyRotateConfirm")} />
      </p>
    </section>
  );
}
