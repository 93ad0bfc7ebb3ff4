"use client";
// The people of the course with what staff can do to each: invite (or resend, or a reset link),
// drop or reactivate, change role (instructors) or section, unlock after sign-in throttling.
// Invitation links come back here to copy when the site sends no mail.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "./post-json";

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

const SIGN_IN_LABEL: Record<Person["signIn"], [string, string]> = {
  password: ["password set", "ok"],
  invited: ["invited", "warn"],
  expired: ["invitation expired", "bad"],
  none: ["not invited", ""],
};

export function RosterPeople({ course, people, actorRole, actorId, mail }: Props) {
  const router = useRouter();
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
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }
  const invite = (body: { userIds: string[] } | { all: true }) =>
    send({ action: "invite", ...body }, (r: InviteResult) => {
      setLinks((old) => [...r.links, ...old.filter((o) => !r.links.some((n) => n.email === o.email))]);
      const parts = [
        r.mailed ? `${r.mailed} invitation${r.mailed === 1 ? "" : "s"} queued to be mailed` : "",
        r.links.length ? `${r.links.length} link${r.links.length === 1 ? "" : "s"} below to copy and pass on (no mail is configured)` : "",
      ].filter(Boolean);
      const skipped = r.skipped.map((s) => `${s.email}: ${s.reason}`).join("; ");
      return `${parts.join("; ") || "Nobody to invite"}.${skipped ? ` Skipped ${skipped}.` : ""}`;
    });
  const act = (p: Person, body: Record<string, unknown>, text: string) => send({ ...body, userIds: [p.userId] }, () => text);

  return (
    <div>
      <div className="toolbar-row">
        <button className="primary" type="button" disabled={busy || uninvited.length === 0} onClick={() => void invite({ all: true })}>
          Invite everyone without a password ({uninvited.length})
        </button>
        <label className="inline-check">
          <input type="checkbox" checked={showDropped} onChange={(e) => setShowDropped(e.target.checked)} /> Show dropped (
          {people.filter((p) => p.dropped).length})
        </label>
        <span className="muted">{mail ? "Invitations are sent by email." : "No mail is configured (SMTP_URL): links are shown here to copy."}</span>
      </div>
      {message && (
        <p className={message.ok ? "ok-text" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
      {links.length > 0 && (
        <div className="card" data-testid="invite-links">
          <h2>Links to pass on</h2>
          <p className="muted">Each link works once: invitations for 7 days, resets for 1 hour. Send each person only their own link.</p>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Link</th>
                <th scope="col">
                  <span className="visually-hidden">Copy</span>
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
                    <input className="link-field" readOnly value={l.link} aria-label={`Link for ${l.email}`} onFocus={(e) => e.target.select()} />
                  </td>
                  <td>
                    <button className="secondary" type="button" onClick={() => void navigator.clipboard?.writeText(l.link)}>
                      Copy
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
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Section</th>
            <th scope="col">Sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => {
            const [label, tone] = SIGN_IN_LABEL[p.signIn];
            const can = mayAct(p) && !busy;
            return (
              <tr key={p.userId} className={p.dropped ? "dropped" : undefined} data-email={p.email}>
                <td>
                  {p.name}
                  {p.dropped && (
                    <>
                      {" "}
                      <span className="badge bad">dropped</span>
                    </>
                  )}
                </td>
                <td>{p.email}</td>
                <td>
                  {actorRole === "INSTRUCTOR" && p.userId !== actorId ? (
                    <select
                      aria-label={`Role of ${p.email}`}
                      value={p.role}
                      disabled={busy}
                      onChange={(e) => void act(p, { action: "role", role: e.target.value }, `${p.email} is now ${e.target.value.toLowerCase()}.`)}
                    >
                      <option value="STUDENT">student</option>
                      <option value="TA">TA</option>
                      <option value="INSTRUCTOR">instructor</option>
                    </select>
                  ) : (
                    <span className={`badge role-${p.role}`}>{p.role.toLowerCase()}</span>
                  )}
                </td>
                <td>
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void act(p, { action: "section", section: sections[p.userId] ?? p.section ?? "" }, `Section of ${p.email} saved.`);
                    }}
                  >
                    <input
                      aria-label={`Section of ${p.email}`}
                      size={6}
                      maxLength={64}
                      value={sections[p.userId] ?? p.section ?? ""}
                      disabled={!can}
                      onChange={(e) => setSections({ ...sections, [p.userId]: e.target.value })}
                    />
                    {sections[p.userId] !== undefined && sections[p.userId] !== (p.section ?? "") && (
                      <button className="secondary" type="submit" disabled={!can}>
                        Save
                      </button>
                    )}
                  </form>
                </td>
                <td>
                  <span className={`badge ${tone}`}>{label}</span>
                  {p.locked && (
                    <>
                      {" "}
                      <span className="badge bad">locked out</span>
                    </>
                  )}
                </td>
                <td className="row-actions">
                  {!mayAct(p) && <span className="muted">{p.userId === actorId ? "you" : "an instructor’s to change"}</span>}
                  {mayAct(p) && !p.dropped && (
                    <button className="secondary" type="button" disabled={!can} onClick={() => void invite({ userIds: [p.userId] })}>
                      {p.signIn === "password" ? "Reset link" : p.signIn === "none" ? "Invite" : "Resend invitation"}
                    </button>
                  )}
                  {mayAct(p) && p.locked && (
                    <button
                      className="secondary"
                      type="button"
                      disabled={!can}
                      onClick={() => void act(p, { action: "unlock" }, `${p.email} can sign in again.`)}
                    >
                      Unlock
                    </button>
                  )}
                  {!mayAct(p) ? null : p.dropped ? (
                    <button
                      className="secondary"
                      type="button"
                      disabled={!can}
                      onClick={() => void act(p, { action: "reactivate" }, `${p.email} is back on the course.`)}
                    >
                      Reactivate
                    </button>
                  ) : (
                    <button
                      className="secondary"
                      type="button"
                      disabled={!can}
                      onClick={() => {
                        if (window.confirm(`Drop ${p.name}? Their work is kept; they can no longer open the course.`))
                          void act(p, { action: "drop" }, `${p.email} was dropped; their work is kept.`);
                      }}
                    >
                      Drop
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
