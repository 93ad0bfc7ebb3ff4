// Before terms, this was the URL of an assignment page; it now leads to the same page in a term (lib/courses/legacy-redirect.ts).
import { redirectToTerm } from "@/lib/courses/legacy-redirect";

type Props = { params: Promise<{ courseSlug: string; rest: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LegacyRedirect({ params, searchParams }: Props) {
  const { courseSlug, rest } = await params;
  return redirectToTerm(courseSlug, ["assignments", ...rest], await searchParams);
}
