// The checks of /app/launch, before anything leaves for the authorization server. Pure functions:
// the page passes the URL's query and /app/config.json in, and gets a plan or a LaunchError back.

/** A launch that cannot go ahead; `code` names the case, `message` is shown as it is. */
export class LaunchError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "LaunchError";
    this.code = code;
  }
}

/** A FHIR base URL as the allowlist holds it: one trailing slash dropped. */
export function normalizeIss(iss) {
  return String(iss).trim().replace(/\/$/, "");
}

/**
 * What to do with a request to /app/launch.
 *
 * - `launch` and `iss`: an EHR launch (SMART App Launch 2.x, EHR launch sequence).
 * - `iss` alone: a standalone launch against that FHIR server (the user picks the patient there).
 * - neither: the page offers the allowed FHIR servers (`choose`).
 * - `launch` without `iss`: refused; the EHR must say which FHIR server the launch belongs to.
 *
 * @param {URLSearchParams} params the query of the launch URL
 * @param {{clientId: string, scope: string, standaloneScope: string, redirectPath: string,
 *          allowedIssuers: string[]}} config /app/config.json
 * @param {string} origin this page's origin, for the redirect URI
 */
export function planLaunch(params, config, origin) {
  const launch = (params.get("launch") || "").trim();
  const rawIss = (params.get("iss") || "").trim();
  if (!rawIss) {
    if (launch) {
      throw new LaunchError(
        "missing-iss",
        "The health record opened this app without saying which FHIR server to use (the \"iss\" " +
          "parameter is missing). Please open the app again from the health record; if it keeps " +
          "happening, tell the record's support team.",
      );
    }
    return { mode: "choose", choices: orderForOrigin(config.allowedIssuers || [], origin) };
  }
  const iss = normalizeIss(rawIss);
  if (!isHttpUrl(iss) || !(config.allowedIssuers || []).map(normalizeIss).includes(iss)) {
    throw new LaunchError(
      "iss-not-allowed",
      `This app is not set up to work with the FHIR server "${rawIss}", so it did not sign in ` +
        "there. Please open the app from a health record it is registered with.",
    );
  }
  const redirectUri = new URL(config.redirectPath || "/app/", origin).href;
  if (launch) {
    return {
      mode: "ehr",
      options: { clientId: config.clientId, scope: config.scope, iss, launch, redirectUri, pkceMode: "required" },
    };
  }
  return {
    mode: "standalone",
    options: {
      clientId: config.clientId,
      scope: config.standaloneScope || standaloneScope(config.scope),
      iss,
      redirectUri,
      pkceMode: "required",
    },
  };
}

/** The EHR-launch scope with `launch` replaced by `launch/patient` (the user picks the patient). */
export function standaloneScope(scope) {
  return String(scope)
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => (s === "launch" ? "launch/patient" : s))
    .join(" ");
}

function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Servers on this page's own host first: a cookie-less demo works only on the same host name. */
function orderForOrigin(issuers, origin) {
  const host = origin ? new URL(origin).host : "";
  return [...issuers].sort((a, b) => sameHost(b, host) - sameHost(a, host));
}

function sameHost(iss, host) {
  try {
    return new URL(iss).host === host ? 1 : 0;
  } catch {
    return 0;
  }
}

/** fhirclient's key in sessionStorage under which it keeps the key of the current launch state. */
export const SMART_KEY = "SMART_KEY";

/**
 * The checks on the way back from the authorization server to /app/, before fhirclient exchanges
 * the code: the server's own refusal (`error=`), and a `state` this browser never sent (a forged or
 * stale redirect, or a launch begun in another browser).
 *
 * @param {URLSearchParams} params the query of the redirect
 * @param {{getItem(key: string): string|null}} storage sessionStorage
 */
export function checkAuthorizationReturn(params, storage) {
  const error = params.get("error");
  if (error) {
    const why = params.get("error_description");
    throw new LaunchError(
      "authorization-refused",
      error === "access_denied"
        ? "Access was not allowed, so the app could not open your record." + (why ? ` (${why})` : "")
        : `Signing in did not work (${error}${why ? ": " + why : ""}). Please open the app again ` +
            "from your health record.",
    );
  }
  const code = params.get("code");
  const state = params.get("state");
  if (code || state) {
    if (!state || storage.getItem(state) === null) {
      throw new LaunchError(
        "state-mismatch",
        "This sign-in does not belong to this browser window (the \"state\" does not match the " +
          "one the app sent), so the app stopped for your safety. Please open the app again from " +
          "your health record.",
      );
    }
    return { kind: "callback" };
  }
  if (storage.getItem(SMART_KEY) === null) {
    throw new LaunchError(
      "not-launched",
      "The app has not been opened from a health record yet. Please open it from your health " +
        "record, or start at the sign-in page.",
    );
  }
  return { kind: "reload" };
}

/** The app's view from the launch's appContext (a JSON string per SMART); the form by default. */
export function viewFromAppContext(appContext) {
  if (!appContext) return "questionnaire";
  try {
    const parsed = typeof appContext === "string" ? JSON.parse(appContext) : appContext;
    return parsed && parsed.view === "assessment" ? "assessment" : "questionnaire";
  } catch {
    return "questionnaire";
  }
}
