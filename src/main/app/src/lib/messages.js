// Errors into words a patient can act on. Every message says whether the answers are safe.

const KEPT = "Your answers are kept on this device and in the form.";

/**
 * @param {{status?: number, diagnostics?: string, network?: boolean}} failure
 *   an HTTP status (from the FHIR server or our server), its OperationOutcome's text, or a
 *   network failure
 * @param {"save"|"submit"|"validate"|"load"|"assessment"} step what the app was doing
 * @returns {{kind: string, title: string, text: string, retry: boolean, relaunch: boolean}}
 */
export function describeFailure(failure, step) {
  const status = failure && failure.status;
  const detail = failure && failure.diagnostics ? ` (${failure.diagnostics})` : "";
  const keep = step === "save" || step === "submit" || step === "validate" ? ` ${KEPT}` : "";
  if (failure && failure.network) {
    return {
      kind: "network",
      title: "No connection",
      text: `The app could not reach the server. Check your connection and try again.${keep}`,
      retry: true,
      relaunch: false,
    };
  }
  if (status === 401) {
    return {
      kind: "session",
      title: "Your sign-in has ended",
      text:
        "The health record no longer accepts this app's sign-in: it has expired or was withdrawn." +
        `${keep} Open the app again from your health record, then send them.${detail}`,
      retry: false,
      relaunch: true,
    };
  }
  if (status === 403) {
    return {
      kind: "forbidden",
      title: "Not allowed",
      text: `The health record did not allow this app to do that.${keep}${detail}`,
      retry: false,
      relaunch: true,
    };
  }
  if (step === "validate" && (status === 422 || status === 400)) {
    return {
      kind: "invalid",
      title: "Some answers need a look",
      text: `Please check the questions below and try again.${keep}${detail}`,
      retry: true,
      relaunch: false,
    };
  }
  if ((step === "save" || step === "submit") && status >= 400 && status < 500) {
    return {
      kind: "rejected",
      title: "The health record did not accept the answers",
      text: `The health record refused to store them.${keep} You can try again later.${detail}`,
      retry: true,
      relaunch: false,
    };
  }
  if (status === 504 || status === 502 || status >= 500) {
    return {
      kind: "unavailable",
      title: "The server did not answer in time",
      text: `Please try again in a moment.${keep}${detail}`,
      retry: true,
      relaunch: false,
    };
  }
  return {
    kind: "other",
    title: "Something went wrong",
    text: `Please try again.${keep}${detail}`,
    retry: true,
    relaunch: false,
  };
}

/** The text of an OperationOutcome's issues, or "" when the body is not one. */
export function outcomeText(body) {
  if (!body || body.resourceType !== "OperationOutcome" || !Array.isArray(body.issue)) return "";
  return body.issue
    .filter((i) => i.severity === "error" || i.severity === "fatal")
    .map((i) => i.diagnostics || (i.details && i.details.text) || i.code)
    .filter(Boolean)
    .join("; ");
}

/** linkIds the validator tied its errors to (to point the patient at the question). */
export function outcomeLinkIds(body) {
  if (!body || !Array.isArray(body.issue)) return [];
  return body.issue.filter((i) => i.linkId).map((i) => i.linkId);
}
