import type { Metadata } from "next";
import Link from "next/link";
import "katex/dist/katex.min.css";
import "./globals.css";
import { currentUser } from "@/lib/access";
import { SignOutButton } from "@/components/sign-out-button";

export const metadata: Metadata = {
  title: { default: "Course platform", template: "%s · Course platform" },
  description: "Auto-graded course platform",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link className="brand" href="/">Course platform</Link>
          {user && <Link href="/courses">My courses</Link>}
          <span className="spacer" />
          {user ? (
            <>
              <span className="who">{user.name} · {user.email}</span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin">Sign in</Link>
          )}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
