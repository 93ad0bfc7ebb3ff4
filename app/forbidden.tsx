import Link from "next/link";

export default function Forbidden() {
  return (
    <section>
      <h1>Staff only</h1>
      <p>
        This page is for the course&apos;s teaching staff. If you think you should see it, ask your instructor.{" "}
        <Link href="/courses">Back to your courses</Link>.
      </p>
    </section>
  );
}
