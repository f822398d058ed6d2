import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PROFILE,
  buildResponse,
  chooseStartingAnswers,
  countAnswers,
  draftKey,
  latestInProgress,
  loadDraft,
  saveDraft,
  clearDraft,
} from "../src/lib/answers.js";

const CANONICAL = "http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain";
const FROM_FORM = {
  resourceType: "QuestionnaireResponse",
  status: "completed",
  questionnaire: "something-lforms-made-up",
  item: [
    {
      linkId: "pain",
      text: "Your leg symptoms at night",
      item: [
        { linkId: "onset", answer: [{ valueCoding: { code: "over-3-months" } }] },
        { linkId: "nights-per-week", answer: [] },
        { linkId: "sudden-onset", answer: [{ valueBoolean: false }] },
      ],
    },
    { linkId: "better-or-worse", item: [{ linkId: "relief-moving" }] },
  ],
};

function memoryStorage() {
  const data = new Map();
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
  };
}

test("the response carries our profile, the versioned canonical, status, patient and time", () => {
  const r = buildResponse(FROM_FORM, {
    status: "in-progress",
    patient: "demo-rls",
    canonical: CANONICAL,
    version: "1.1.0",
    authored: "2026-11-27T20:00:00Z",
    id: "qr-1",
  });
  assert.equal(r.resourceType, "QuestionnaireResponse");
  assert.deepEqual(r.meta.profile, [PROFILE]);
  assert.equal(r.questionnaire, `${CANONICAL}|1.1.0`);
  assert.equal(r.status, "in-progress");
  assert.deepEqual(r.subject, { reference: "Patient/demo-rls" });
  assert.equal(r.authored, "2026-11-27T20:00:00Z");
  assert.equal(r.id, "qr-1");
  const completed = buildResponse(FROM_FORM, { status: "completed", patient: "p", canonical: CANONICAL, authored: "t" });
  assert.equal(completed.status, "completed");
  assert.equal(completed.questionnaire, CANONICAL);
  assert.equal(completed.id, undefined);
  assert.throws(() => buildResponse(FROM_FORM, { status: "amended", patient: "p", canonical: CANONICAL }));
});

test("unanswered items and empty groups are left out (FHIR forbids empty items)", () => {
  const r = buildResponse(FROM_FORM, { status: "completed", patient: "p", canonical: CANONICAL, authored: "t" });
  assert.deepEqual(r.item, [
    {
      linkId: "pain",
      text: "Your leg symptoms at night",
      item: [
        { linkId: "onset", answer: [{ valueCoding: { code: "over-3-months" } }] },
        { linkId: "sudden-onset", answer: [{ valueBoolean: false }] },
      ],
    },
  ]);
  assert.equal(countAnswers(r), 2);
  const empty = buildResponse({ item: [{ linkId: "pain", item: [] }] }, { status: "in-progress", patient: "p", canonical: CANONICAL, authored: "t" });
  assert.equal(empty.item, undefined);
});

test("the newest in-progress response to our questionnaire is the one resumed", () => {
  const bundle = {
    entry: [
      { resource: { resourceType: "QuestionnaireResponse", id: "old", status: "in-progress", questionnaire: `${CANONICAL}|1.0.0`, authored: "2026-11-01T00:00:00Z" } },
      { resource: { resourceType: "QuestionnaireResponse", id: "new", status: "in-progress", questionnaire: CANONICAL, authored: "2026-11-20T00:00:00Z" } },
      { resource: { resourceType: "QuestionnaireResponse", id: "done", status: "completed", questionnaire: CANONICAL, authored: "2026-11-25T00:00:00Z" } },
      { resource: { resourceType: "QuestionnaireResponse", id: "other", status: "in-progress", questionnaire: "http://x/Questionnaire/y", authored: "2026-11-26T00:00:00Z" } },
      { resource: { resourceType: "OperationOutcome" } },
    ],
  };
  assert.equal(latestInProgress(bundle, CANONICAL).id, "new");
  assert.equal(latestInProgress({ entry: [] }, CANONICAL), null);
  assert.equal(latestInProgress({}, CANONICAL), null);
});

test("answers kept on the device survive and win over an older record, keeping the record's id", () => {
  const storage = memoryStorage();
  const key = draftKey("http://localhost:8080/demo/fhir", "demo-rls");
  const draft = buildResponse(FROM_FORM, { status: "in-progress", patient: "demo-rls", canonical: CANONICAL, authored: "2026-11-27T21:00:00Z" });
  assert.equal(saveDraft(storage, key, draft, "2026-11-27T21:00:00Z"), true);
  const kept = loadDraft(storage, key);
  assert.deepEqual(kept.response, draft);

  const record = { resourceType: "QuestionnaireResponse", id: "qr-9", status: "in-progress", authored: "2026-11-27T20:00:00Z" };
  const start = chooseStartingAnswers(record, kept);
  assert.equal(start.source, "device");
  assert.equal(start.response.id, "qr-9");
  assert.equal(countAnswers(start.response), 2);

  const newerRecord = { ...record, authored: "2026-11-27T22:00:00Z" };
  assert.equal(chooseStartingAnswers(newerRecord, kept).source, "record");
  assert.equal(chooseStartingAnswers(null, null).source, "none");

  clearDraft(storage, key);
  assert.equal(loadDraft(storage, key), null);
  storage.setItem(key, "{not json");
  assert.equal(loadDraft(storage, key), null);
});

test("a storage that refuses to save does not throw (the form still holds the answers)", () => {
  const full = { setItem() { throw new Error("QuotaExceededError"); } };
  assert.equal(saveDraft(full, "k", {}, "t"), false);
});
