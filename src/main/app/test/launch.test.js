import { test } from "node:test";
import assert from "node:assert/strict";
import {
  LaunchError,
  SMART_KEY,
  checkAuthorizationReturn,
  planLaunch,
  standaloneScope,
  viewFromAppContext,
} from "../src/lib/launch.js";

const SCOPE =
  "launch openid fhirUser patient/Patient.rs patient/Condition.rs patient/Observation.rs " +
  "patient/MedicationRequest.rs patient/QuestionnaireResponse.cru";
const CONFIG = {
  clientId: "nocturne-questionnaire",
  scope: SCOPE,
  standaloneScope: SCOPE.replace(/^launch /, "launch/patient "),
  redirectPath: "/app/",
  allowedIssuers: ["http://127.0.0.1:8080/demo/fhir", "http://localhost:8080/demo/fhir"],
};
const ORIGIN = "http://localhost:8080";
const q = (s) => new URLSearchParams(s);
const storage = (entries = {}) => ({ getItem: (k) => (k in entries ? entries[k] : null) });
const launchError = (code) => (e) => e instanceof LaunchError && e.code === code;

test("an EHR launch without iss is refused with a message naming the missing iss", () => {
  assert.throws(() => planLaunch(q("launch=abc"), CONFIG, ORIGIN), (e) => {
    assert.equal(e.code, "missing-iss");
    assert.match(e.message, /"iss" parameter is missing/);
    return true;
  });
  assert.throws(() => planLaunch(q("launch=abc&iss="), CONFIG, ORIGIN), launchError("missing-iss"));
});

test("an iss outside the allowlist is refused, for EHR and standalone launches", () => {
  for (const iss of [
    "https://evil.example/fhir",
    "http://localhost:8080/demo/fhir/other",
    "http://localhost:8080/demo",
    "javascript:alert(1)",
  ]) {
    assert.throws(
      () => planLaunch(q(`launch=abc&iss=${encodeURIComponent(iss)}`), CONFIG, ORIGIN),
      launchError("iss-not-allowed"),
      iss,
    );
    assert.throws(() => planLaunch(q(`iss=${encodeURIComponent(iss)}`), CONFIG, ORIGIN), launchError("iss-not-allowed"));
  }
  assert.throws(() => planLaunch(q("launch=a&iss=http://localhost:8080/demo/fhir"), { ...CONFIG, allowedIssuers: [] }, ORIGIN),
    (e) => e.code === "iss-not-allowed" && e.message.includes("http://localhost:8080/demo/fhir"));
});

test("an EHR launch with an allowed iss asks for the issue's exact scopes with PKCE required", () => {
  const plan = planLaunch(q("launch=abc&iss=http%3A%2F%2Flocalhost%3A8080%2Fdemo%2Ffhir%2F"), CONFIG, ORIGIN);
  assert.equal(plan.mode, "ehr");
  assert.deepEqual(plan.options, {
    clientId: "nocturne-questionnaire",
    scope: SCOPE,
    iss: "http://localhost:8080/demo/fhir",
    launch: "abc",
    redirectUri: "http://localhost:8080/app/",
    pkceMode: "required",
  });
});

test("iss without launch is a standalone launch asking launch/patient instead of launch", () => {
  const plan = planLaunch(q("iss=http://127.0.0.1:8080/demo/fhir"), CONFIG, "http://127.0.0.1:8080");
  assert.equal(plan.mode, "standalone");
  assert.equal(plan.options.launch, undefined);
  assert.equal(plan.options.scope.split(" ")[0], "launch/patient");
  assert.ok(!plan.options.scope.split(" ").includes("launch"));
  assert.equal(plan.options.redirectUri, "http://127.0.0.1:8080/app/");
  assert.equal(standaloneScope(SCOPE), CONFIG.standaloneScope);
});

test("no parameters at all offers the allowed servers, this host's first", () => {
  const plan = planLaunch(q(""), CONFIG, "http://localhost:8080");
  assert.equal(plan.mode, "choose");
  assert.deepEqual(plan.choices, ["http://localhost:8080/demo/fhir", "http://127.0.0.1:8080/demo/fhir"]);
});

test("a redirect whose state this browser never stored is a state mismatch", () => {
  const stored = storage({ "known-state": "{}", [SMART_KEY]: '"known-state"' });
  assert.throws(() => checkAuthorizationReturn(q("code=c1&state=forged"), stored), (e) => {
    assert.equal(e.code, "state-mismatch");
    assert.match(e.message, /does not match/);
    return true;
  });
  assert.throws(() => checkAuthorizationReturn(q("code=c1"), stored), launchError("state-mismatch"));
  assert.throws(() => checkAuthorizationReturn(q("code=c1&state=x"), storage()), launchError("state-mismatch"));
  assert.deepEqual(checkAuthorizationReturn(q("code=c1&state=known-state"), stored), { kind: "callback" });
});

test("the authorization server's refusal and a page opened directly each get their own message", () => {
  assert.throws(
    () => checkAuthorizationReturn(q("error=access_denied&state=s"), storage({ s: "{}" })),
    (e) => e.code === "authorization-refused" && /not allowed/.test(e.message),
  );
  assert.throws(() => checkAuthorizationReturn(q(""), storage()), launchError("not-launched"));
  assert.deepEqual(checkAuthorizationReturn(q(""), storage({ [SMART_KEY]: '"k"' })), { kind: "reload" });
});

test("appContext picks the view; anything unreadable opens the form", () => {
  assert.equal(viewFromAppContext('{"view":"assessment"}'), "assessment");
  assert.equal(viewFromAppContext('{"view":"questionnaire"}'), "questionnaire");
  assert.equal(viewFromAppContext(undefined), "questionnaire");
  assert.equal(viewFromAppContext("not json"), "questionnaire");
  assert.equal(viewFromAppContext({ view: "assessment" }), "assessment");
});
