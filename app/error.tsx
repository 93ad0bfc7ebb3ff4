"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section>
      <h1>Something went wrong</h1>
      <p>We could not load this page. Your work is saved. Try again in a moment.</p>
      <button className="secondary" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
