// POST {csv, commit} — preview a roster CSV (commit false) or import it all-or-nothing (commit true).
import { staffRoute } from "@/lib/http/staff-route";
import { importRoster, previewRoster } from "@/lib/courses/roster-import";
import { rosterBody } from "@/lib/http/staff-route-input";
import { localizedRosterReport } from "@/lib/http/staff-messages";

export const POST = staffRoute({ body: rosterBody, maxBytes: 1_100_000 }, async ({ db, term, user, role, body, req }) =>
  localizedRosterReport(req, await (body.commit ? importRoster(db, term.id, body.csv, { id: user.id, role }) : previewRoster(db, term.id, body.csv, role))),
);
