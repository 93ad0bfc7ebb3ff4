// The wrapper of every public LTI endpoint: these are called by the LMS (cross-site form posts,
// server-to-server fetches), so there is no session to guard and no same-origin check; instead
// each validates its input with zod and its own credentials (state, signatures, tickets). A
// refusal becomes a page that says what was wrong; anything else a plain 500 page.
import { LaunchRefused } from "@/lib/lti/refusal";
import { htmlPage, ltiMessages, refusalPage } from "@/lib/lti/pages";
import { HttpError } from "@/lib/http/http-error";

export function ltiEndpoint(fn: (req: Request) => Promise<Response>): (req: Request) => Promise<Response> {
  return async (req: Request) => {
    try {
      return await fn(req);
    } catch (error) {
      if (error instanceof LaunchRefused) return refusalPage(req, error.code, error.status, error.detail);
      if (error instanceof HttpError && error.status === 413) return refusalPage(req, "bad-request", 413, error.message);
      console.error("LTI endpoint failed", error);
      const { locale } = ltiMessages(req);
      return htmlPage(
        "Error",
        "<h1>Something went wrong on our side.</h1><p>Try the launch again from your LMS; if it keeps happening, tell the site administrator.</p>",
        {
          status: 500,
          locale,
        },
      );
    }
  };
}
