import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PROFILE,
  buildResponse,
  chooseStartingAnswers,
  countAnswers,
  draftKey,
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

test("answers kept on the device survive and win over an older record, keeping the record's id", () => {
  const storage = memoryStorage();
  const key = draftKey("http://localhost:8080/demo/fhir", "demo-rls");
  const draft = buildResponse(FROM_FORM, { status: "in-progress", patient: "demo-rls", canonical: CANONICAL, authored: "2026-11-27T21:00:00Z" });
  assert.equal(saveDraft(storage, key, draft, "2026-11-27T21:00:00Z"), true);
  const kept = loadDraft(storage, key, new Date("2026-11-27T21:30:00Z"));
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

test("answers kept on the device expire after a day and are then removed", () => {
  const storage = memoryStorage();
  const key = draftKey("http://localhost:8080/demo/fhir", "demo-rls");
  const draft = buildResponse(FROM_FORM, { status: "in-progress", patient: "demo-rls", canonical: CANONICAL, authored: "2026-11-27T21:00:00Z" });
  saveDraft(storage, key, draft, "2026-11-27T21:00:00Z");

  assert.notEqual(loadDraft(storage, key, new Date("2026-11-28T20:59:00Z")), null);
  assert.equal(loadDraft(storage, key, new Date("2026-11-28T21:01:00Z")), null);
  assert.equal(storage.getItem(key), null);

  saveDraft(storage, key, draft, "not a time");
  assert.equal(loadDraft(storage, key, new Date("2026-11-27T21:30:00Z")), null);
});

test("a storage that refuses to save does not throw (the form still holds the answers)", () => {
  const full = { setItem() { throw new Error("QuotaExceededError"); } };
  assert.equal(saveDraft(full, "k", {}, "t"), false);
});

test("the ids of the patient's responses are kept per server and patient, only valid FHIR ids", async () => {
  const { recordKey, loadRecordIds, saveRecordIds, validId } = await import("../src/lib/answers.js");
  const storage = memoryStorage();
  const key = recordKey("http://localhost:8080/demo/fhir", "demo-rls");
  assert.notEqual(key, recordKey("http://localhost:8080/demo/fhir", "demo-cramps"));
  assert.deepEqual(loadRecordIds(storage, key), { inProgress: null, completed: null });
  saveRecordIds(storage, key, { inProgress: "qr-1", completed: "../Patient/x" });
  assert.deepEqual(loadRecordIds(storage, key), { inProgress: "qr-1", completed: null });
  storage.setItem(key, "garbage");
  assert.deepEqual(loadRecordIds(storage, key), { inProgress: null, completed: null });
  assert.equal(validId("a".repeat(65)), null);
  assert.equal(validId("abc-1.2"), "abc-1.2");
});

test("only this patient's in-progress response to our questionnaire is resumed", async () => {
  const { isResumable } = await import("../src/lib/answers.js");
  const ok = {
    resourceType: "QuestionnaireResponse",
    status: "in-progress",
    questionnaire: `${CANONICAL}|1.1.0`,
    subject: { reference: "Patient/demo-rls" },
  };
  assert.equal(isResumable(ok, CANONICAL, "demo-rls"), true);
  assert.equal(isResumable({ ...ok, status: "completed" }, CANONICAL, "demo-rls"), false);
  assert.equal(isResumable(ok, CANONICAL, "demo-cramps"), false);
  assert.equal(isResumable({ ...ok, questionnaire: "http://x/Questionnaire/y" }, CANONICAL, "demo-rls"), false);
  assert.equal(isResumable(null, CANONICAL, "demo-rls"), false);
});
