// PUT /api/leaderboard — a student opts in (with a pseudonym) or out of the course's leaderboards.
import { authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { HttpError, handler } from "@/lib/http";
import { readJsonBody } from "@/lib/http-body";
import { leaderboardBodySchema } from "@/lib/leaderboard";

export const PUT = handler(async (req: Request) => {
  const body = leaderboardBodySchema.parse(await readJsonBody(req, 4 * 1024));
  const access = await authorizeCourse(body.course);
  if (access.enrollment.role !== "STUDENT") throw new HttpError(403, "Only students appear on leaderboards.");
  const db = await getDb();
  const taken = body.optIn ? await db.enrollment.findFirst({ where: { courseId: access.course.id, pseudonym: body.pseudonym!, NOT: { id: access.enrollment.id } } }) : null;
  if (taken) throw new HttpError(409, "Someone in this course already uses that pseudonym; choose another.");
  await db.enrollment.update({ where: { id: access.enrollment.id }, data: body.optIn ? { leaderboardOptIn: true, pseudonym: body.pseudonym! } : { leaderboardOptIn: false } });
  return Response.json({ ok: true });
});
