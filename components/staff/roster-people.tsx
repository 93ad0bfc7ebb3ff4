"use client";
// The people of the course with what staff can do to each: invite (or resend, or a reset link),
// drop or reactivate, change role (instructors) or section, unlock after sign-in throttling.
// Invitation links come back here to copy when the site sends no mail.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "./post-json";
import { useErrorText } from "./use-staff-action";

type Person = {
  userId: string;
  name: string;
  email: string;
  studentId: string | null;
  role: "STUDENT" | "TA" | "INSTRUCTOR";
  section: string | null;
  dropped: boolean;
  signIn: "password" | "invited" | "expired" | "none";
  inviteExpires: string | null;
  locked: boolean;
};
type InviteResult = { links: { email: string; name: string; link: string }[]; mailed: number; skipped: { email: string; reason: string }[] };
type Props = { course: string; people: Person[]; actorRole: Person["role"]; actorId: string; mail: boolean };

/** The badge tone of each sign-in state; its words are staff.people.signIn.<state>. */
const SIGN_IN_TONE: Record<Person["signIn"], string> = {
  password: "ok",
  invited: "warn",
  expired: "bad",
  none: "",
};

export function RosterPeople({ course, people, actorRole, actorId, mail }: Props) {
  const router = useRouter();
  const t = useTranslations("staff.people");
  const tcourse = useTranslations("course");
  const describe = useErrorText();
  const [showDropped, setShowDropped] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [links, setLinks] = useState<InviteResult["links"]>([]);
  const [sections, setSections] = useState<Record<string, string>>({});
  const url = `/api/courses/${course}/staff/people`;
  const uninvited = people.filter((p) => !p.dropped && p.signIn !== "password");
  const shown = people.filter((p) => showDropped || !p.dropped);
  const mayAct = (p: Person) => p.userId !== actorId && (actorRole === "INSTRUCTOR" ? true : p.role === "STUDENT");

  async function send(body: Record<string, unknown>, done: (r: never) => string) {
    setBusy(true);
    setMessage(null);
    try {
      const r = await postJson<never>(url, body);
      setMessage({ ok: true, text: done(r) });
      router.refresh();
    } catch (e) {
      setMessage({ ok: false, text: describe(e) });
    } finally {
      setBusy(false);
    }
  }
  const invite = (body: { userIds: string[] } | { all: true }) =>
    send({ action: "invite", ...body }, (r: InviteResult) => {
      setLinks((old) => [...r.links, ...old.filter((o) => !r.links.some((n) => n.email === o.email))]);
      const parts = [r.mailed ? t("mailed", { count: r.mailed }) : "", r.links.length ? t("links", { count: r.links.length }) : ""].filter(Boolean);
      const skipped = r.skipped.map((s) => `${s.email}: ${s.reason}`).join(t("separator"));
      return `${t("inviteDone", { parts: parts.join(t("separator")) || t("nobody") })}${skipped ? t("skipped", { list: skipped }) : ""}`;
    });
  const act = (p: Person, body: Record<string, unknown>, text: string) => send({ ...body, userIds: [p.userId] }, () => text);

  return (
    <div>
      <div className="toolbar-row">
        <button className="primary" type="button" disabled={busy || uninvited.length === 0} onClick={() => void invite({ all: true })}>
          {t("inviteAll", { count: uninvited.length })}
        </button>
        <label className="inline-check">
          <input type="checkbox" checked={showDropped} onChange={(e) => setShowDropped(e.target.checked)} />{" "}
          {t("showDropped", { count: people.filter((p) => p.dropped).length })}
        </label>
        <span className="muted">{mail ? t("mailOn") : t("mailOff")}</span>
      </div>
      {message && (
        <p className={message.ok ? "ok-text" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
      {links.length > 0 && (
        <div className="card" data-testid="invite-links">
          <h2>{t("linksTitle")}</h2>
          <p className="muted">{t("linksNote")}</p>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("colPerson")}</th>
                <th scope="col">{t("colLink")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("copy")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.email}>
                  <td>
                    {l.name} &lt;{l.email}&gt;
                  </td>
                  <td>
                    <input className="link-field" readOnly value={l.link} aria-label={t("linkFor", { email: l.email })} onFocus={(e) => e.target.select()} />
                  </td>
                  <td>
                    <button className="secondary" type="button" onClick={() => void navigator.clipboard?.writeText(l.link)}>
                      {t("copy")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <table className="data" data-testid="roster-people">
        <thead>
          <tr>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colEmail")}</th>
            <th scope="col">{t("colRole")}</th>
            <th scope="col">{t("colSection")}</th>
            <th scope="col">{t("colSignIn")}</th>
            <th scope="col">{t("colActions")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => {
            const tone = SIGN_IN_TONE[p.signIn];
            const can = mayAct(p) && !busy;
            return (
              <tr key={p.userId} className={p.dropped ? "dropped" : undefined} data-email={p.email}>
                <td>
                  {p.name}
                  {p.dropped && (
                    <>
                      {" "}
                      <span className="badge bad">{t("dropped")}</span>
                    </>
                  )}
                </td>
                <td>{p.email}</td>
                <td>
                  {actorRole === "INSTRUCTOR" && p.userId !== actorId ? (
                    <select
                      aria-label={t("roleOf", { email: p.email })}
                      value={p.role}
                      disabled={busy}
                      onChange={(e) =>
                        void act(p, { action: "role", role: e.target.value }, t("roleChanged", { email: p.email, role: tcourse(`role.${e.target.value}`) }))
                      }
                    >
                      <option value="STUDENT">{tcourse("role.STUDENT")}</option>
                      <option value="TA">{tcourse("role.TA")}</option>
                      <option value="INSTRUCTOR">{tcourse("role.INSTRUCTOR")}</option>
                    </select>
                  ) : (
                    <span className={`badge role-${p.role}`}>{tcourse(`role.${p.role}`)}</span>
                  )}
                </td>
                <td>
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void act(p, { action: "section", section: sections[p.userId] ?? p.section ?? "" }, t("sectionSaved", { email: p.email }));
                    }}
                  >
                    <input
                      aria-label={t("sectionOf", { email: p.email })}
                      size={6}
                      maxLength={64}
                      value={sections[p.userId] ?? p.section ?? ""}
                      disabled={!can}
                      onChange={(e) => setSections({ ...sections, [p.userId]: e.target.value })}
                    />
                    {sections[p.userId] !== undefined && sections[p.userId] !== (p.section ?? "") && (
                      <button className="secondary" type="submit" disabled={!can}>
                        {t("save")}
                      </button>
                    )}
                  </form>
                </td>
                <td>
                  <span className={`badge ${tone}`}>{t(`signIn.${p.signIn}`)}</span>
                  {p.locked && (
                    <>
                      {" "}
                      <span className="badge bad">{t("lockedOut")}</span>
                    </>
                  )}
                </td>
                <td className="row-actions">
                  {!mayAct(p) && <span className="muted">{p.userId === actorId ? t("you") : t("instructorsOnly")}</span>}
                  {mayAct(p) && !p.dropped && (
                    <button className="secondary" type="button" disabled={!can} onClick={() => void invite({ userIds: [p.userId] })}>
                      {p.signIn === "password" ? t("resetLink") : p.signIn === "none" ? t("invite") : t("resend")}
                    </button>
                  )}
                  {mayAct(p) && p.locked && (
                    <button
                      className="secondary"
                      type="button"
                      disabled={!can}
                      onClick={() => void act(p, { action: "unlock" }, t("unlocked", { email: p.email }))}
                    >
                      {t("unlock")}
                    </button>
                  )}
                  {!mayAct(p) ? null : p.dropped ? (
                    <button
                      className="secondary"
                      type="button"
                      disabled={!can}
                      onClick={() => void act(p, { action: "reactivate" }, t("reactivated", { email: p.email }))}
                    >
                      {t("reactivate")}
                    </button>
                  ) : (
                    <button
                      className="secondary"
                      type="button"
                      disabled={!can}
                      onClick={() => {
                        if (window.confirm(t("dropConfirm", { name: p.name }))) void act(p, { action: "drop" }, t("droppedDone", { email: p.email }));
                      }}
                    >
                      {t("drop")}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
