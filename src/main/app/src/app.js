// /app/: the form and the assessment, after fhirclient has completed the SMART authorization.
import FHIR from "fhirclient";
import { LaunchError, checkAuthorizationReturn, viewFromAppContext } from "./lib/launch.js";
import {
  buildResponse,
  chooseStartingAnswers,
  clearDraft,
  countAnswers,
  draftKey,
  isResumable,
  loadDraft,
  loadRecordIds,
  recordKey,
  saveDraft,
  saveRecordIds,
} from "./lib/answers.js";
import { describeFailure, outcomeLinkIds, outcomeText } from "./lib/messages.js";
import { renderAssessment } from "./lib/assessment.js";

const $ = (id) => document.getElementById(id);
const app = { client: null, config: null, patient: null, iss: null, recordId: null, key: null, idsKey: null };

// ---------- messages ----------

function status(text) {
  $("status").textContent = text;
  $("status").hidden = !text;
}

function showMessage({ kind, title, text, retry, relaunch }, onRetry) {
  $("message").dataset.kind = kind;
  $("message-title").textContent = title;
  $("message-text").textContent = text;
  $("retry").hidden = !retry || !onRetry;
  $("retry").onclick = onRetry
    ? () => {
        hideMessage();
        onRetry();
      }
    : null;
  $("relaunch").hidden = !relaunch;
  $("message").hidden = false;
  $("message").scrollIntoView({ block: "nearest" });
}

function hideMessage() {
  $("message").hidden = true;
  delete $("message").dataset.kind;
}

function fatal(kind, title, text) {
  status("");
  showMessage({ kind, title, text, retry: false, relaunch: true });
  document.body.dataset.view = "error";
}

/** An HTTP failure (fhirclient's HttpError or our fetch) as {status, diagnostics}, or a network failure. */
function failureOf(error) {
  if (error && typeof error.status === "number") {
    let diagnostics = error.diagnostics || "";
    if (!diagnostics && typeof error.message === "string") {
      const body = error.message.split("\n\n")[1];
      try {
        diagnostics = outcomeText(JSON.parse(body));
      } catch {
        diagnostics = "";
      }
    }
    return { status: error.status, diagnostics };
  }
  return { network: true };
}

async function postJson(url, body, headers = {}) {
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
      body: JSON.stringify(body),
    });
  } catch {
    throw { network: true };
  }
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) throw { status: response.status, diagnostics: outcomeText(json), body: json };
  return json;
}

// ---------- start ----------

async function start() {
  try {
    checkAuthorizationReturn(new URLSearchParams(location.search), sessionStorage);
  } catch (e) {
    if (e instanceof LaunchError) {
      fatal(e.code, "The app could not open", e.message);
      $("message").dataset.code = e.code;
      return;
    }
    throw e;
  }
  try {
    app.client = await FHIR.oauth2.ready();
  } catch (e) {
    fatal(
      "token",
      "Signing in did not finish",
      "The health record did not complete the sign-in (" +
        String(e.message || e).split("\n")[0] +
        "). Please open the app again from your health record.",
    );
    return;
  }
  try {
    const response = await fetch("/app/config.json");
    if (!response.ok) throw new Error(String(response.status));
    app.config = await response.json();
  } catch {
    fatal("no-config", "The app is switched off", "This server does not offer the app at the moment.");
    return;
  }
  app.patient = app.client.patient.id;
  app.iss = app.client.state.serverUrl;
  if (!app.patient) {
    fatal("no-patient", "No patient chosen", "The health record did not say whose record to open. Please open the app again.");
    return;
  }
  app.key = draftKey(app.iss, app.patient);
  app.idsKey = recordKey(app.iss, app.patient);
  backLink();
  showPatient();
  wireButtons();
  const view = viewFromAppContext(app.client.state.tokenResponse && app.client.state.tokenResponse.appContext);
  if (view === "assessment") {
    await showAssessment();
  } else {
    await showForm();
  }
}

/** Back to the EHR: close this tab when the chart opened it; the demo's chart otherwise. */
function backLink() {
  const back = $("back");
  if (window.opener) {
    back.href = "#";
    back.addEventListener("click", (event) => {
      event.preventDefault();
      window.close();
    });
    back.hidden = false;
  } else if (/\/demo\/fhir$/.test(new URL(app.iss).pathname)) {
    // the demo EHR's chart beside its FHIR server, opened at this patient
    back.href = new URL(`../../demo/#patient=${encodeURIComponent(app.patient)}`, app.iss + "/").href;
    back.hidden = false;
  }
}

async function showPatient() {
  try {
    const patient = await app.client.patient.read();
    const name = (patient.name || [])[0] || {};
    $("patient-name").textContent =
      name.text || [...(name.given || []), name.family].filter(Boolean).join(" ") || `Patient ${app.patient}`;
    $("patient-details").textContent = patient.birthDate ? `born ${patient.birthDate}` : "";
    $("patient-banner").hidden = false;
  } catch {
    // the banner is a courtesy; the form does not depend on it
  }
}

function wireButtons() {
  $("save").addEventListener("click", () => saveInProgress());
  $("submit").addEventListener("click", () => submit());
  $("edit-answers").addEventListener("click", () => showForm());
}

// ---------- the form ----------

let questionnaire = null;

async function loadQuestionnaire() {
  if (questionnaire) return questionnaire;
  const response = await fetch(app.config.questionnaire.url, { headers: { Accept: "application/fhir+json" } });
  if (!response.ok) throw { status: response.status };
  questionnaire = await response.json();
  return questionnaire;
}

/**
 * The patient's in-progress response on the record, read by the id this device kept: the app's
 * scope (QuestionnaireResponse.cru) allows read, not search.
 */
async function findInProgress() {
  const ids = loadRecordIds(localStorage, app.idsKey);
  if (!ids.inProgress) return null;
  try {
    const response = await app.client.request(`QuestionnaireResponse/${encodeURIComponent(ids.inProgress)}`);
    if (isResumable(response, app.config.questionnaire.canonical, app.patient)) return response;
  } catch (e) {
    if (failureOf(e).status === 401) throw e;
  }
  saveRecordIds(localStorage, app.idsKey, { ...ids, inProgress: null }); // gone, finished or not ours
  return null;
}

async function showForm() {
  hideMessage();
  status("Loading the questions…");
  $("assessment-view").hidden = true;
  let q;
  try {
    q = await loadQuestionnaire();
  } catch (e) {
    const m = describeFailure(failureOf(e), "load");
    showMessage(m, () => showForm());
    status("");
    return;
  }
  let fromRecord = null;
  try {
    fromRecord = await findInProgress();
  } catch (e) {
    const failure = failureOf(e);
    if (failure.status === 401) {
      showMessage(describeFailure(failure, "load"));
      status("");
      return;
    }
    // no in-progress answers found: start from the device's copy or an empty form
  }
  const start = chooseStartingAnswers(fromRecord, loadDraft(localStorage, app.key));
  app.recordId = fromRecord ? fromRecord.id : null;
  await renderForm(q, start.response);
  if (start.response && countAnswers(start.response) > 0) {
    $("resumed").textContent =
      start.source === "device"
        ? "We kept your answers from last time on this device. Check them and carry on."
        : "Your saved answers are filled in. Check them and carry on.";
    $("resumed").dataset.source = start.source;
    $("resumed").hidden = false;
  }
  status("");
  $("form-view").hidden = false;
  document.body.dataset.view = "form";
}

async function renderForm(q, answers) {
  await customElements.whenDefined("wc-lhc-form");
  let form = window.LForms.Util.convertFHIRQuestionnaireToLForms(q, "R4");
  if (answers) {
    form = window.LForms.Util.mergeFHIRDataIntoLForms("QuestionnaireResponse", answers, form, "R4");
  }
  const container = $("form-container");
  await window.LForms.Util.addFormToPage(form, container, {
    fhirVersion: "R4",
    hideFormControls: true,
    showFormHeader: false,
    hideTreeLine: true,
    hideIndentation: true,
  });
  // Every change is kept on this device at once, so an error or a closed tab loses nothing.
  if (!container.dataset.keeping) {
    container.dataset.keeping = "true";
    container.addEventListener("change", keepOnDevice);
    container.addEventListener("input", keepOnDevice);
    container.addEventListener("click", () => setTimeout(keepOnDevice, 0));
  }
}

let keepTimer = null;
function keepOnDevice() {
  clearTimeout(keepTimer);
  keepTimer = setTimeout(() => {
    const response = currentAnswers("in-progress");
    if (countAnswers(response) > 0) saveDraft(localStorage, app.key, response, new Date().toISOString());
  }, 300);
}

function currentAnswers(status) {
  const fromForm = window.LForms.Util.getFormFHIRData("QuestionnaireResponse", "R4", $("form-container"), {
    subject: { reference: `Patient/${app.patient}` },
  });
  return buildResponse(fromForm, {
    status,
    patient: app.patient,
    canonical: app.config.questionnaire.canonical,
    version: app.config.questionnaire.version,
    authored: new Date().toISOString(),
    id: app.recordId || undefined,
  });
}

/** Creates or updates the response on the EHR's FHIR server, with the user's token. */
async function writeToRecord(response) {
  if (response.id) {
    return app.client.request({
      url: `QuestionnaireResponse/${encodeURIComponent(response.id)}`,
      method: "PUT",
      body: JSON.stringify(response),
      headers: { "Content-Type": "application/fhir+json" },
    });
  }
  return app.client.request({
    url: "QuestionnaireResponse",
    method: "POST",
    body: JSON.stringify(response),
    headers: { "Content-Type": "application/fhir+json" },
  });
}

function busy(on) {
  $("save").disabled = on;
  $("submit").disabled = on;
}

async function saveInProgress() {
  hideMessage();
  const response = currentAnswers("in-progress");
  saveDraft(localStorage, app.key, response, response.authored);
  busy(true);
  $("save-status").textContent = "Saving…";
  try {
    const saved = await writeToRecord(response);
    if (saved && saved.id) {
      app.recordId = saved.id;
      saveRecordIds(localStorage, app.idsKey, { ...loadRecordIds(localStorage, app.idsKey), inProgress: saved.id });
    }
    $("save-status").textContent = `Saved at ${new Date().toLocaleTimeString()}. You can come back to finish later.`;
    document.body.dataset.saved = "record";
  } catch (e) {
    $("save-status").textContent = "Not saved to your health record yet; kept on this device.";
    showMessage(describeFailure(failureOf(e), "save"), () => saveInProgress());
  } finally {
    busy(false);
  }
}

function markQuestions(linkIds) {
  document.querySelectorAll(".needs-answer").forEach((e) => e.classList.remove("needs-answer"));
  for (const linkId of linkIds) {
    const item = document.querySelector(`lhc-item[id^="item-${CSS.escape(linkId)}/"]`); // LForms: item-<linkId>/<path>
    if (item) item.classList.add("needs-answer");
  }
}

async function submit() {
  hideMessage();
  const response = currentAnswers("completed");
  saveDraft(localStorage, app.key, response, response.authored);
  busy(true);
  $("save-status").textContent = "Checking your answers…";
  try {
    // the validator is for the app's own launches: the EHR checks the token before any work
    await postJson(app.config.endpoints.validate, response, {
      Authorization: `Bearer ${app.client.state.tokenResponse.access_token}`,
      "X-FHIR-Server": app.iss,
    });
  } catch (e) {
    busy(false);
    $("save-status").textContent = "";
    const m = describeFailure(failureOf(e), "validate");
    if (e && e.body) markQuestions(outcomeLinkIds(e.body));
    showMessage(m, () => submit());
    return;
  }
  $("save-status").textContent = "Sending your answers…";
  try {
    const saved = await writeToRecord(response);
    app.recordId = null;
    saveRecordIds(localStorage, app.idsKey, { inProgress: null, completed: saved && saved.id });
    clearDraft(localStorage, app.key);
    document.body.dataset.saved = `QuestionnaireResponse/${saved && saved.id}`;
    $("save-status").textContent = "";
  } catch (e) {
    busy(false);
    $("save-status").textContent = "Not sent yet; your answers are kept on this device.";
    showMessage(describeFailure(failureOf(e), "submit"), () => submit());
    return;
  }
  busy(false);
  await showAssessment();
}

// ---------- the assessment ----------

async function showAssessment() {
  hideMessage();
  status("Working out what your answers and record suggest…");
  $("form-view").hidden = true;
  try {
    const data = await postJson(
      app.config.endpoints.assessment,
      {
        fhirServer: app.iss,
        patient: app.patient,
        // the response just sent (or sent from this device before): read by id, not searched
        ...(loadRecordIds(localStorage, app.idsKey).completed
          ? { questionnaireResponse: loadRecordIds(localStorage, app.idsKey).completed }
          : {}),
      },
      { Authorization: `Bearer ${app.client.state.tokenResponse.access_token}` },
    );
    $("assessment").innerHTML = renderAssessment(data);
    status("");
    $("assessment-view").hidden = false;
    document.body.dataset.view = "assessment";
    $("assessment-title").focus({ preventScroll: true });
  } catch (e) {
    status("");
    showMessage(describeFailure(failureOf(e), "assessment"), () => showAssessment());
    $("form-view").hidden = document.body.dataset.view !== "form";
  }
}

start();
