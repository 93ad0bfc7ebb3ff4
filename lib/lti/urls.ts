// The tool's URLs an LMS administrator pastes into the platform's registration form.
import { siteUrl } from "@/lib/auth/site-url";

export function toolUrls(base = siteUrl()) {
  return {
    login: `${base}/lti/login`,
    launch: `${base}/lti/launch`,
    deepLinking: `${base}/lti/launch`,
    jwks: `${base}/lti/jwks`,
    deepLinkReturn: `${base}/lti/deep-link-return`,
  };
}
