// The roster's section on per-student time policies: the course's late-day budget, the form that
// sets an accommodation or grants late days, and everyone who has one or has spent late days.
import { getTranslations } from "next-intl/server";
import { AccommodationForm } from "./accommodation-form";

export type TimePolicyFacts = {
  budget: number;
  hoursPerDay: number;
  students: { userId: string; name: string; email: string; accommodationDays: number; extraLateDays: number; used: number }[];
};

export async function TimePolicies({ policies: p, courseSlug }: { policies: TimePolicyFacts; courseSlug: string }) {
  const t = await getTranslations("policies");
  const listed = p.students.filter((s) => s.accommodationDays > 0 || s.extraLateDays > 0 || s.used > 0);
  return (
    <>
      <h2 id="time-policies">{t("timeTitle")}</h2>
      <p className="muted">{p.budget > 0 ? t("budget", { count: p.budget, hours: p.hoursPerDay }) : t("noBudget")}</p>
      <AccommodationForm
        course={courseSlug}
        students={p.students.map((s) => ({
          id: s.userId,
          label: `${s.name} <${s.email}>`,
          accommodationDays: s.accommodationDays,
          extraLateDays: s.extraLateDays,
        }))}
      />
      {listed.length > 0 && (
        <table className="data time-policies">
          <thead>
            <tr>
              <th scope="col">{t("student")}</th>
              <th scope="col">{t("accommodationDays")}</th>
              <th scope="col">{t("extraLateDays")}</th>
              <th scope="col">{t("lateDaysUsed")}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((s) => (
              <tr key={s.userId}>
                <td>
                  {s.name}
                  <div className="muted small">{s.email}</div>
                </td>
                <td>{s.accommodationDays}</td>
                <td>{s.extraLateDays}</td>
                <td>
                  {s.used} / {p.budget + s.extraLateDays}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
