import Link from "next/link";
import { currentUser } from "@/lib/access";

export default async function LandingPage() {
  const user = await currentUser();
  return (
    <section className="hero">
      <h1>Learn by doing, graded in milliseconds</h1>
      <p>
        Read the theory, write code in your browser and get it graded against tests you cannot see, within a
        fraction of a second. Proofs are graded by course staff with a rubric.
      </p>
      <p>
        {user ? <Link href="/courses">Go to my courses →</Link> : <Link href="/signin">Sign in to your course →</Link>}
      </p>
    </section>
  );
}
