import { test } from "node:test";
import assert from "node:assert/strict";
import { renderAssessment } from "../src/lib/assessment.js";

const DATA = {
  patient: "demo-rls",
  questionnaire: { status: "current", date: "2026-11-27", reference: "QuestionnaireResponse/a" },
  causes: [
    {
      rank: 1,
      code: "restless-legs",
      display: "Restless legs syndrome",
      likelihood: "high",
      supporting: [
        {
          text: "Urge to move the legs",
          points: 3,
          basis: "IRLSSG 2014",
          guidelines: [{ name: "IRLSSG 2014", url: "https://example.org/irlssg" }],
        },
      ],
      against: [{ text: "No <b>cramp</b>", points: -1, guidelines: [{ name: "bad", url: "javascript:alert(1)" }] }],
      limits: ["Ferritin not measured"],
    },
    { rank: 2, code: "nocturnal-leg-cramps", display: "Leg cramps", likelihood: "low", supporting: [], against: [], limits: [] },
  ],
  redFlags: [],
  nextSteps: [{ code: "ferritin", label: "Ferritin", reason: "iron stores", urgent: false, guidelines: [] }],
  thresholds: [{ key: "ferritin-low-max", value: 75, source: "AASM 2024", guidelines: [] }],
  missing: ["No ABI on record"],
  advice: [{ code: "a", text: "Move when the urge comes" }],
};

test("the ranked causes come in order, each with findings, basis, guideline links and limits", () => {
  const html = renderAssessment(DATA);
  assert.match(html, /Most likely: <strong id="top-cause" data-code="restless-legs">Restless legs syndrome/);
  assert.ok(html.indexOf("restless-legs") < html.indexOf("nocturnal-leg-cramps"));
  assert.match(html, /\+3/);
  assert.match(html, /IRLSSG 2014<\/span>/);
  assert.match(html, /<a href="https:\/\/example.org\/irlssg"/);
  assert.match(html, /Ferritin not measured/);
  assert.match(html, /No ABI on record/);
  assert.match(html, /ferritin-low-max<\/th><td>75/);
  assert.match(html, /Your answers from 2026-11-27 were used/);
});

test("server text is escaped and only http(s) links become links", () => {
  const html = renderAssessment(DATA);
  assert.doesNotMatch(html, /<b>cramp/);
  assert.match(html, /&lt;b&gt;cramp/);
  assert.doesNotMatch(html, /javascript:/);
});

test("a record without answers says the ranking used the record alone; empty parts are left out", () => {
  const html = renderAssessment({ ...DATA, questionnaire: { status: "none" }, redFlags: [], thresholds: [] });
  assert.match(html, /No answers to the questions yet/);
  assert.doesNotMatch(html, /id="red-flags"/);
  assert.doesNotMatch(html, /id="thresholds"/);
});
