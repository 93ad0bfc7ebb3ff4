import Link from "next/link";

export default function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is nothing here, or it is not shared with you. Check the address, or go back to <Link href="/courses">your courses</Link>.
      </p>
    </section>
  );
}
