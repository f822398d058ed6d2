// The QuestionnaireResponse the app writes, and the copy of the answers kept in localStorage so an
// error never loses them. Pure functions; the page supplies the form's output and the storage.

export const PROFILE = "http://nocturne-cds.org/fhir/StructureDefinition/nocturne-leg-pain-response";

/**
 * The QuestionnaireResponse to write, from what the form produced (LForms' own conversion).
 * Whatever the form set, these fields are ours: the resource type, the profile, the questionnaire
 * canonical with its version, the status, the patient, the time, and the id of the response being
 * updated. Items without an answer are left out (FHIR forbids empty items).
 *
 * @param {object} fromForm LForms.Util.getFormFHIRData("QuestionnaireResponse", "R4", ...)
 * @param {{status: "in-progress"|"completed", patient: string, canonical: string,
 *          version?: string, authored: string, id?: string}} how
 */
export function buildResponse(fromForm, how) {
  if (how.status !== "in-progress" && how.status !== "completed") {
    throw new Error(`unsupported status ${how.status}`);
  }
  const response = {
    resourceType: "QuestionnaireResponse",
    meta: { profile: [PROFILE] },
    questionnaire: how.version ? `${how.canonical}|${how.version}` : how.canonical,
    status: how.status,
    subject: { reference: `Patient/${how.patient}` },
    authored: how.authored,
    item: pruneItems((fromForm && fromForm.item) || []),
  };
  if (how.id) response.id = how.id;
  if (response.item.length === 0) delete response.item;
  return response;
}

function pruneItems(items) {
  const kept = [];
  for (const item of items) {
    const copy = { linkId: item.linkId };
    if (item.text) copy.text = item.text;
    const answers = (item.answer || [])
      .filter((a) => Object.keys(a).some((k) => k.startsWith("value")))
      .map((a) => {
        const answer = { ...a };
        if (answer.item) {
          answer.item = pruneItems(answer.item);
          if (answer.item.length === 0) delete answer.item;
        }
        return answer;
      });
    if (answers.length) copy.answer = answers;
    const children = pruneItems(item.item || []);
    if (children.length) copy.item = children;
    if (copy.answer || copy.item) kept.push(copy);
  }
  return kept;
}

/** How many questions have an answer (groups not counted). */
export function countAnswers(response) {
  let n = 0;
  const walk = (items) => {
    for (const item of items || []) {
      if (item.answer && item.answer.length) n++;
      walk(item.item);
      for (const a of item.answer || []) walk(a.item);
    }
  };
  walk(response && response.item);
  return n;
}

/** localStorage key of the kept answers: one per FHIR server and patient. */
export function draftKey(iss, patient) {
  return `nocturne.answers.${iss}|${patient}`;
}

export function saveDraft(storage, key, response, savedAt) {
  try {
    storage.setItem(key, JSON.stringify({ savedAt, response }));
    return true;
  } catch {
    return false; // storage full or off: the answers are still in the form
  }
}

/**
 * How long answers kept on the device stay: long enough to survive a failed save or a reload, short
 * enough that a shared computer does not keep a patient's answers for the next user.
 */
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function loadDraft(storage, key, now = new Date()) {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw);
    if (!(draft && draft.response && draft.response.resourceType === "QuestionnaireResponse")) {
      return null;
    }
    const savedAt = Date.parse(draft.savedAt);
    if (!(savedAt <= now.getTime()) || now.getTime() - savedAt > DRAFT_MAX_AGE_MS) {
      clearDraft(storage, key); // expired, or a time we cannot trust: gone from the device
      return null;
    }
    return draft;
  } catch {
    return null;
  }
}

export function clearDraft(storage, key) {
  try {
    storage.removeItem(key);
  } catch {
    // nothing to do
  }
}

/**
 * Which answers to show when the form opens: the copy kept on this device when it is newer than
 * the in-progress response on the record (a save that failed), else the record's.
 */
export function chooseStartingAnswers(fromRecord, draft) {
  if (draft && (!fromRecord || String(draft.savedAt) > String(fromRecord.authored || ""))) {
    const response = { ...draft.response };
    if (fromRecord && fromRecord.id) response.id = fromRecord.id;
    return { response, source: "device" };
  }
  if (fromRecord) return { response: fromRecord, source: "record" };
  return { response: null, source: "none" };
}

// The ids of this patient's responses on the record, kept on the device: the app's scope
// (QuestionnaireResponse.cru) allows reading a response by id but not searching for one.

export function recordKey(iss, patient) {
  return `nocturne.responses.${iss}|${patient}`;
}

/** @returns {{inProgress: string|null, completed: string|null}} */
export function loadRecordIds(storage, key) {
  try {
    const ids = JSON.parse(storage.getItem(key) || "{}") || {};
    return { inProgress: validId(ids.inProgress), completed: validId(ids.completed) };
  } catch {
    return { inProgress: null, completed: null };
  }
}

export function saveRecordIds(storage, key, ids) {
  try {
    storage.setItem(key, JSON.stringify({ inProgress: validId(ids.inProgress), completed: validId(ids.completed) }));
  } catch {
    // storage off: the next launch starts from an empty form, nothing else is lost
  }
}

/** A FHIR logical id (R4: 1 to 64 of A-Z a-z 0-9 - .), else null. */
export function validId(id) {
  return typeof id === "string" && /^[A-Za-z0-9\-.]{1,64}$/.test(id) ? id : null;
}

/** The in-progress response read by id is the one to resume: ours, in progress, this patient's. */
export function isResumable(response, canonical, patient) {
  return Boolean(
    response &&
      response.resourceType === "QuestionnaireResponse" &&
      response.status === "in-progress" &&
      typeof response.questionnaire === "string" &&
      response.questionnaire.split("|")[0] === canonical &&
      response.subject &&
      response.subject.reference === `Patient/${patient}`,
  );
}
