import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/access";

export default async function LandingPage() {
  const [user, t] = await Promise.all([currentUser(), getTranslations("landing")]);
  return (
    <section className="hero">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <p>{user ? <Link href="/courses">{t("toCourses")}</Link> : <Link href="/signin">{t("toSignIn")}</Link>}</p>
    </section>
  );
}
