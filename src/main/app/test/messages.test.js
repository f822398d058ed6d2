import { test } from "node:test";
import assert from "node:assert/strict";
import { describeFailure, outcomeLinkIds, outcomeText } from "../src/lib/messages.js";

test("a refused or expired token asks to reopen the app and says the answers are kept", () => {
  const m = describeFailure({ status: 401, diagnostics: "The access token has expired" }, "submit");
  assert.equal(m.kind, "session");
  assert.equal(m.relaunch, true);
  assert.match(m.text, /expired or was withdrawn/);
  assert.match(m.text, /answers are kept/);
  assert.match(m.text, /The access token has expired/);
});

test("a FHIR server that rejects the write says so, keeps the answers and offers a retry", () => {
  for (const status of [400, 409, 412, 422]) {
    const m = describeFailure({ status }, "save");
    assert.equal(m.kind, "rejected", String(status));
    assert.equal(m.retry, true);
    assert.match(m.text, /answers are kept/);
  }
});

test("validation problems, network failures and server failures each get their own message", () => {
  assert.equal(describeFailure({ status: 422 }, "validate").kind, "invalid");
  assert.equal(describeFailure({ network: true }, "submit").kind, "network");
  assert.equal(describeFailure({ status: 504 }, "assessment").kind, "unavailable");
  assert.equal(describeFailure({ status: 502 }, "assessment").kind, "unavailable");
  assert.equal(describeFailure({ status: 403 }, "assessment").kind, "forbidden");
  assert.doesNotMatch(describeFailure({ status: 504 }, "assessment").text, /answers are kept/);
});

test("an OperationOutcome's errors become the detail; its linkIds point at questions", () => {
  const body = {
    resourceType: "OperationOutcome",
    issue: [
      { severity: "error", code: "required", diagnostics: "No response for 'swelling'", linkId: "swelling" },
      { severity: "warning", code: "informational", diagnostics: "ignored" },
      { severity: "error", code: "value", details: { text: "Bad integer" } },
    ],
  };
  assert.equal(outcomeText(body), "No response for 'swelling'; Bad integer");
  assert.deepEqual(outcomeLinkIds(body), ["swelling"]);
  assert.equal(outcomeText({ resourceType: "Patient" }), "");
  assert.equal(outcomeText(null), "");
});
