// PUT /api/leaderboard — a student opts in (with a pseudonym) or out of the course's leaderboards.
import { authorizeTerm } from "@/lib/access";
import { getDb } from "@/lib/db";
import { HttpError, handler } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { leaderboardBodySchema } from "@/lib/submissions/leaderboard";
import { isUniqueViolation } from "@/lib/db/errors";

export const PUT = handler(async (req: Request) => {
  const body = leaderboardBodySchema.parse(await readJsonBody(req, 4 * 1024));
  const access = await authorizeTerm(body.course.course, body.course.term);
  if (access.role !== "STUDENT" || !access.enrollment) throw new HttpError(403, "Only students appear on leaderboards.");
  const db = await getDb();
  // The unique index on (course, pseudonym) decides, so two students choosing the same name at once
  // cannot both get it.
  try {
    await db.enrollment.update({
      where: { id: access.enrollment.id },
      data: body.optIn ? { leaderboardOptIn: true, pseudonym: body.pseudonym! } : { leaderboardOptIn: false },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, "Someone in this course already uses that pseudonym; choose another.");
    throw error;
  }
  return Response.json({ ok: true });
});
