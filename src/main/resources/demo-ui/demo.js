// The demo EHR: reads its own FHIR server (/demo/fhir) and calls the CDS services over HTTP exactly
// as an EHR does. Card markdown is rendered and sanitized server-side (/demo/api/markdown); every
// other string from a card or the record is inserted as text, never as HTML.
'use strict';

(() => {
  const FHIR = location.origin + '/demo/fhir';
  const CDS = location.origin + '/cds-services';
  const QUESTIONNAIRE = 'http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain';
  const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
  const USER = 'Practitioner/demo-physician';
  const SERVICE_FOR_HOOK = {
    'patient-view': 'nocturnal-leg-pain',
    'order-select': 'nocturnal-leg-pain-order-select',
    'order-sign': 'nocturnal-leg-pain-order-sign',
  };
  const HOOK_TITLE = {
    'patient-view': 'On opening the chart',
    'order-select': 'While ordering',
    'order-sign': 'At signing',
  };

  const medication = (code, display, text) => ({
    resourceType: 'MedicationRequest',
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }], text },
  });
  const CATALOGUE = [
    { key: 'quinine', resource: medication('9071', 'quinine', 'Quinine sulfate 324 mg capsule, 1 at night') },
    {
      key: 'stockings',
      resource: {
        resourceType: 'ServiceRequest',
        status: 'draft',
        intent: 'order',
        code: { text: 'Graduated compression stockings, knee-high, 20-30 mmHg' },
      },
    },
    { key: 'pramipexole', resource: medication('746741', 'pramipexole', 'Pramipexole 0.125 mg at bedtime') },
    { key: 'furosemide', resource: medication('4603', 'furosemide', 'Furosemide 40 mg once daily') },
    { key: 'hydrochlorothiazide', resource: medication('5487', 'hydrochlorothiazide', 'Hydrochlorothiazide 12.5 mg once daily') },
    { key: 'sertraline', resource: medication('36437', 'sertraline', 'Sertraline 50 mg once daily') },
  ];

  const state = {
    services: {},
    questionnaire: new Map(),
    patient: null,
    drafts: [],
    nextDraft: 1,
    signReviewed: false,
    calls: 0,
  };

  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key in node) node[key] = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child != null) node.append(child);
    }
    return node;
  };
  const uuid = () =>
    crypto.randomUUID
      ? crypto.randomUUID()
      : 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => ((Math.random() * 16) | 0).toString(16));
  // Tomcat refuses a raw '|' in a query: encode it as the service's own fetcher does.
  const fhirUrl = (relative) => FHIR + '/' + relative.replace(/\|/g, '%7C');

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/fhir+json, application/json' } });
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    return response.json();
  }
  const entries = (bundle) => (bundle && bundle.entry ? bundle.entry.map((e) => e.resource) : []);

  // ---- the inspector: every HTTP exchange with the CDS service, collapsed ----
  function inspect(method, path, requestBody, status, responseText, millis) {
    state.calls++;
    const details = el('details', { className: 'call', dataset: { path, status: String(status) } });
    let note = '';
    try {
      const sent = JSON.parse(requestBody);
      if (sent.hook) note = sent.prefetch ? ', prefetch sent' : ', no prefetch: the service fetched';
    } catch {
      // not JSON: no note
    }
    details.append(
      el('summary', {}, `${method} ${path} → ${status} (${Math.round(millis)} ms${note})`),
      el('pre', { 'aria-label': 'Request' }, requestBody ? pretty(requestBody) : '(no body)'),
      el('pre', { 'aria-label': 'Response' }, responseText ? pretty(responseText) : '(empty)'),
    );
    $('inspector').prepend(details);
    while ($('inspector').children.length > 30) $('inspector').lastChild.remove();
  }
  function pretty(text) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }

  async function post(path, body) {
    const text = JSON.stringify(body);
    const started = performance.now();
    const response = await fetch(location.origin + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: text,
    });
    const answer = await response.text();
    inspect('POST', path, text, response.status, answer, performance.now() - started);
    return { status: response.status, text: answer };
  }

  // ---- patient list and chart ----
  async function loadPatients() {
    const bundle = await getJson(FHIR + '/Patient');
    const list = $('patient-list');
    list.replaceChildren();
    for (const patient of entries(bundle)) {
      const button = el(
        'button',
        { type: 'button', dataset: { patientId: patient.id } },
        el('span', { className: 'name' }, displayName(patient)),
        el('span', { className: 'sub' }, `${sex(patient)}, ${age(patient.birthDate)} y · ${mrn(patient)}`),
      );
      button.addEventListener('click', () => openPatient(patient.id));
      list.append(el('li', {}, button));
    }
  }
  const displayName = (p) => {
    const name = (p.name || [])[0] || {};
    return [(name.given || []).join(' '), name.family].filter(Boolean).join(' ') || p.id;
  };
  const sex = (p) => ({ female: 'Female', male: 'Male', other: 'Other' })[p.gender] || 'Unknown sex';
  const mrn = (p) => ((p.identifier || [])[0] || {}).value || p.id;
  function age(birthDate) {
    if (!birthDate) return '?';
    const born = new Date(birthDate);
    const now = new Date();
    let years = now.getFullYear() - born.getFullYear();
    if (now.getMonth() < born.getMonth() || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate())) years--;
    return years;
  }
  const concept = (cc) => (cc ? cc.text || ((cc.coding || [])[0] || {}).display || ((cc.coding || [])[0] || {}).code : '') || '';
  const day = (value) => (value ? String(value).slice(0, 10) : '');

  async function openPatient(id) {
    // the app links back to /demo/index.html#patient=<id>
    history.replaceState(null, '', `#patient=${encodeURIComponent(id)}`);
    document.querySelectorAll('#patient-list button').forEach((b) => b.setAttribute('aria-current', String(b.dataset.patientId === id)));
    state.drafts = [];
    state.signReviewed = false;
    $('cards').replaceChildren();
    $('cds-status').textContent = 'Loading the chart…';
    const q = encodeURIComponent(id);
    const [patient, conditions, observations, medications, responses, orders] = await Promise.all([
      getJson(`${FHIR}/Patient/${q}`),
      getJson(`${FHIR}/Condition?patient=${q}`),
      getJson(`${FHIR}/Observation?patient=${q}&_sort=-date`),
      getJson(`${FHIR}/MedicationRequest?patient=${q}&status=active`),
      getJson(fhirUrl(`QuestionnaireResponse?patient=${q}&questionnaire=${QUESTIONNAIRE}&status=completed&_sort=-authored&_count=1`)),
      getJson(`${FHIR}/ServiceRequest?patient=${q}`),
    ]);
    state.patient = patient;
    $('chart').hidden = false;
    $('chart').dataset.patientId = patient.id;
    $('banner-name').textContent = displayName(patient);
    $('banner-details').textContent = `${sex(patient)} · ${age(patient.birthDate)} years · born ${patient.birthDate || '?'} · ${mrn(patient)}`;
    renderProblems(entries(conditions));
    fillList($('medications'), entries(medications).map((m) => concept(m.medicationCodeableConcept)), 'No active medications');
    renderResults(entries(observations));
    renderQuestionnaire(entries(responses)[0]);
    fillList($('placed-orders'), entries(orders).map(orderText), 'None');
    renderDrafts();
    await callService('patient-view', { userId: USER, patientId: patient.id }, $('send-prefetch').checked);
  }

  function renderProblems(conditions) {
    fillList($('problems'), conditions.map((c) => {
      const since = c.onsetDateTime || c.recordedDate;
      return concept(c.code) + (since ? ` (since ${day(since)})` : '');
    }), 'No problems recorded');
  }

  function fillList(list, items, empty) {
    list.replaceChildren(...(items.length ? items : [empty]).map((text) => el('li', {}, text)));
  }
  const orderText = (r) =>
    `${concept(r.code) || concept(r.medicationCodeableConcept)}${r.priority ? ' · ' + r.priority : ''} (${r.resourceType}/${r.id}, ${r.status})`;

  function renderResults(observations) {
    const body = $('results').querySelector('tbody');
    body.replaceChildren();
    if (!observations.length) {
      body.append(el('tr', {}, el('td', { colSpan: 4 }, 'No results')));
      return;
    }
    for (const o of observations) {
      const q = o.valueQuantity;
      const value = q ? `${q.value}${q.unit && q.unit !== '1' ? ' ' + q.unit : ''}` : o.valueString || concept(o.valueCodeableConcept);
      body.append(el('tr', {}, el('td', {}, concept(o.code)), el('td', {}, value), el('td', {}, concept(o.bodySite)), el('td', {}, day(o.effectiveDateTime))));
    }
  }

  function renderQuestionnaire(response) {
    const list = $('questionnaire');
    list.replaceChildren();
    if (!response) {
      $('qr-date').textContent = 'No questionnaire answered.';
      return;
    }
    $('qr-date').textContent = `Answered ${day(response.authored)}`;
    const walk = (items) => {
      for (const item of items || []) {
        if (item.answer && item.answer.length) {
          const question = state.questionnaire.get(item.linkId);
          list.append(el('dt', {}, question ? question.text : item.linkId), el('dd', {}, item.answer.map((a) => answerText(a, question)).join(', ')));
        }
        walk(item.item);
      }
    };
    walk(response.item);
  }
  function answerText(answer, question) {
    if ('valueBoolean' in answer) return answer.valueBoolean ? 'Yes' : 'No';
    if (answer.valueCoding) {
      const option = question && question.options.get(answer.valueCoding.code);
      return option || answer.valueCoding.display || answer.valueCoding.code;
    }
    for (const key of ['valueInteger', 'valueDecimal', 'valueString', 'valueDate']) {
      if (key in answer) return String(answer[key]);
    }
    return '?';
  }

  async function loadQuestionnaire() {
    try {
      const questionnaire = await getJson(location.origin + '/fhir/Questionnaire/nocturnal-leg-pain');
      const walk = (items) => {
        for (const item of items || []) {
          const options = new Map((item.answerOption || []).filter((o) => o.valueCoding).map((o) => [o.valueCoding.code, o.valueCoding.display]));
          state.questionnaire.set(item.linkId, { text: item.text, options });
          walk(item.item);
        }
      };
      walk(questionnaire.item);
    } catch {
      // Without the questionnaire the chart shows linkIds and codes instead of questions and answers.
    }
  }

  // ---- calling the CDS services ----
  async function buildPrefetch(service, patientId) {
    const prefetch = {};
    await Promise.all(
      Object.entries(service.prefetch || {}).map(async ([key, template]) => {
        const query = template.replace(/\{\{context\.patientId\}\}/g, encodeURIComponent(patientId)).replace(/\{\{context\.userId\}\}/g, USER);
        try {
          prefetch[key] = await getJson(fhirUrl(query));
        } catch {
          // A key the EHR cannot fill is left out: the service fetches it or names it.
        }
      }),
    );
    return prefetch;
  }

  async function callService(hook, context, withPrefetch) {
    const id = SERVICE_FOR_HOOK[hook];
    const service = state.services[id];
    if (!service) {
      $('cds-status').textContent = `The service for ${hook} is not in discovery.`;
      return;
    }
    const request = { hook, hookInstance: uuid(), fhirServer: FHIR, context };
    if (withPrefetch) request.prefetch = await buildPrefetch(service, context.patientId);
    $('cds-status').textContent = `Calling ${id}…`;
    const { status, text } = await post(`/cds-services/${id}`, request);
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      // shown below as an error
    }
    const group = cardGroup(hook);
    if (status !== 200 || !body || !Array.isArray(body.cards)) {
      const issue = body && body.issue && body.issue[0] ? body.issue[0].diagnostics : '';
      $('cds-status').textContent = `${id} answered ${status}${issue ? ': ' + issue : ''}`;
      group.replaceChildren();
      return;
    }
    await renderCards(group, hook, id, body.cards);
    $('cds-status').textContent = body.cards.length
      ? `${body.cards.length} card${body.cards.length > 1 ? 's' : ''} from ${id}`
      : `No cards from ${id}: nothing to say.`;
    return body.cards;
  }

  function cardGroup(hook) {
    const key = hook === 'patient-view' ? 'patient-view' : 'orders';
    let group = $('cards').querySelector(`section[data-group="${key}"]`);
    if (!group) {
      group = el('section', { className: 'card-group', dataset: { group: key } });
      if (key === 'patient-view') $('cards').prepend(group);
      else $('cards').append(group);
    }
    group.setAttribute('aria-label', HOOK_TITLE[hook]);
    return group;
  }

  async function renderCards(group, hook, serviceId, cards) {
    group.replaceChildren();
    if (!cards.length) return;
    group.append(el('h3', {}, HOOK_TITLE[hook]));
    let html = [];
    const details = cards.map((c) => c.detail || '');
    if (details.some(Boolean)) {
      const response = await fetch(location.origin + '/demo/api/markdown', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(details),
      });
      html = response.ok ? await response.json() : [];
    }
    cards.forEach((card, index) => group.append(renderCard(card, html[index], serviceId, `${hook}-${index}`)));
  }

  function renderCard(card, detailHtml, serviceId, key) {
    const indicator = ['info', 'warning', 'critical'].includes(card.indicator) ? card.indicator : 'info';
    const topic = card.source && card.source.topic ? card.source.topic : null;
    const titleId = `card-${key}-title`;
    const article = el('article', {
      className: 'card',
      'aria-labelledby': titleId,
      dataset: { indicator, topic: topic ? topic.code : '', uuid: card.uuid || '' },
    });
    article.append(el('span', { className: 'indicator' }, indicator), el('h3', { id: titleId, className: 'summary' }, card.summary || ''));
    if (detailHtml) {
      const detail = el('div', { className: 'detail' });
      detail.innerHTML = detailHtml; // sanitized by the server's OWASP policy
      article.append(detail);
    }
    if (card.source) {
      const source = el('p', { className: 'source' }, 'Source: ');
      source.append(card.source.url ? externalLink(card.source.url, card.source.label) : card.source.label || '');
      if (topic && topic.display) source.append(` · ${topic.display}`);
      article.append(source);
    }
    const outcome = el('p', { className: 'outcome', role: 'status' });
    const actions = el('div', { className: 'actions' });
    for (const suggestion of card.suggestions || []) {
      const button = el('button', { type: 'button', className: 'suggestion' + (suggestion.isRecommended ? ' primary' : ''), dataset: { uuid: suggestion.uuid || '' } }, suggestion.label);
      button.addEventListener('click', () => accept(card, suggestion, serviceId, article, button, outcome));
      actions.append(button);
    }
    for (const link of card.links || []) {
      if (link.type === 'smart' && /^https?:/i.test(link.url || '')) {
        const button = el('button', { type: 'button', className: 'smart-link' }, `${link.label} (SMART app, opens in a new tab)`);
        button.addEventListener('click', () => launchApp(link, outcome));
        actions.append(button);
      } else if (link.type === 'absolute' && /^https?:/i.test(link.url || '')) {
        actions.append(externalLink(link.url, link.label, 'card-link'));
      }
    }
    if (actions.children.length) article.append(actions);
    // Overriding means declining advice that asks for action: a warning or a critical card. An info
    // card (the differential, self-care) asks nothing to override, and a form on every card would
    // teach the physician to ignore the one that matters.
    if (card.uuid && indicator !== 'info') article.append(overrideForm(card, serviceId, key, article, outcome));
    article.append(outcome);
    return article;
  }

  // ---- SMART app launch (CDS Hooks 2.0 §Link: the EHR adds launch and iss) ----
  /** Creates a launch context for the patient in view and opens the app with it. */
  async function launchApp(link, outcome) {
    // opened at once, in the click: a window opened after an await is a blocked pop-up
    const tab = window.open('about:blank', '_blank');
    try {
      const response = await fetch('/demo/api/launch', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ patient: state.patient.id, appContext: link.appContext }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { launch } = await response.json();
      const url = `${link.url}${link.url.includes('?') ? '&' : '?'}iss=${encodeURIComponent(FHIR)}&launch=${encodeURIComponent(launch)}`;
      state.launchedFor = state.patient.id;
      if (tab) tab.location.href = url;
      else window.location.href = url;
    } catch (error) {
      if (tab) tab.close();
      outcome.textContent = `The app could not be launched: ${error.message}`;
    }
  }

  /** Back from the app: the chart and its cards as the answers left them. */
  async function returnedFromApp() {
    if (document.visibilityState !== 'visible' || !state.launchedFor || !state.patient) return;
    if (state.launchedFor !== state.patient.id) return;
    state.launchedFor = null;
    await openPatient(state.patient.id);
  }

  function externalLink(url, label, className) {
    const safe = /^https?:/i.test(url || '') ? url : '#';
    return el('a', { href: safe, target: '_blank', rel: 'noopener noreferrer', className: className || '' }, `${label || url} (opens in a new tab)`);
  }

  function overrideForm(card, serviceId, key, article, outcome) {
    const form = el('div', { className: 'override' });
    const selectId = `override-${key}`;
    const commentId = `override-comment-${key}`;
    const select = el('select', { id: selectId, className: 'override-reason' }, el('option', { value: '' }, 'Choose a reason'));
    (card.overrideReasons || []).forEach((reason, index) => select.append(el('option', { value: String(index) }, reason.display || reason.code)));
    const comment = el('input', { id: commentId, type: 'text', className: 'override-comment' });
    const button = el('button', { type: 'button', className: 'override-button' }, 'Override');
    button.addEventListener('click', async () => {
      const reason = select.value === '' ? null : card.overrideReasons[Number(select.value)];
      if (!reason && !comment.value.trim()) {
        outcome.textContent = 'Choose a reason or write a comment to override.';
        select.focus();
        return;
      }
      const overrideReason = {};
      if (reason) overrideReason.reason = reason;
      if (comment.value.trim()) overrideReason.userComment = comment.value.trim();
      const { status } = await post(`/cds-services/${serviceId}/feedback`, {
        feedback: [{ card: card.uuid, outcome: 'overridden', overrideReason, outcomeTimestamp: new Date().toISOString() }],
      });
      outcome.textContent = status === 200 ? `Overridden: ${reason ? reason.display || reason.code : comment.value.trim()} (feedback sent)` : `Feedback failed (${status})`;
      if (status === 200) finish(article);
    });
    form.append(el('label', { htmlFor: selectId }, 'Override reason'), select, el('label', { htmlFor: commentId }, 'Comment'), comment, button);
    return form;
  }

  function finish(article) {
    article.classList.add('done');
    article.dataset.done = 'true';
    article.querySelectorAll('button, select, input').forEach((control) => {
      control.disabled = true;
    });
  }

  async function accept(card, suggestion, serviceId, article, button, outcome) {
    const done = [];
    for (const action of suggestion.actions || []) {
      try {
        done.push(await apply(action));
      } catch (error) {
        outcome.textContent = `Could not apply "${action.description || action.type}": ${error.message}`;
        return;
      }
    }
    let feedback = '';
    if (card.uuid && suggestion.uuid) {
      const { status } = await post(`/cds-services/${serviceId}/feedback`, {
        feedback: [{ card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }], outcomeTimestamp: new Date().toISOString() }],
      });
      feedback = status === 200 ? ' (feedback sent)' : ` (feedback failed: ${status})`;
    }
    outcome.textContent = `Accepted: ${done.filter(Boolean).join('; ') || suggestion.label}${feedback}`;
    if (card.selectionBehavior === 'at-most-one') finish(article);
    else button.disabled = true;
  }

  /** One suggestion action against the EHR: create or update in the FHIR server, delete a draft. */
  async function apply(action) {
    if (action.type === 'delete') {
      const [type, id] = String(action.resourceId || '').split('/');
      const before = state.drafts.length;
      state.drafts = state.drafts.filter((d) => !(d.resourceType === type && d.id === id));
      renderDrafts();
      return before !== state.drafts.length ? `draft ${type}/${id} removed` : `${action.resourceId} was not a draft`;
    }
    if (action.type === 'create' || action.type === 'update') {
      const resource = action.resource;
      const url = action.type === 'create' ? `${FHIR}/${resource.resourceType}` : `${FHIR}/${resource.resourceType}/${encodeURIComponent(resource.id)}`;
      const response = await fetch(url, {
        method: action.type === 'create' ? 'POST' : 'PUT',
        headers: { 'Content-Type': 'application/fhir+json', Prefer: 'return=representation' },
        body: JSON.stringify(resource),
      });
      if (!response.ok) throw new Error(`the FHIR server answered ${response.status}`);
      const stored = await response.json();
      await refreshRecord();
      return `${stored.resourceType}/${stored.id} created in the record`;
    }
    throw new Error(`unknown action type ${action.type}`);
  }

  async function refreshPlacedOrders() {
    const orders = await getJson(`${FHIR}/ServiceRequest?patient=${encodeURIComponent(state.patient.id)}`);
    fillList($('placed-orders'), entries(orders).map(orderText), 'None');
  }

  /** After a suggestion wrote to the record: problems, medications and orders as they now are. */
  async function refreshRecord() {
    const q = encodeURIComponent(state.patient.id);
    const [conditions, medications] = await Promise.all([
      getJson(`${FHIR}/Condition?patient=${q}`),
      getJson(`${FHIR}/MedicationRequest?patient=${q}&status=active`),
    ]);
    renderProblems(entries(conditions));
    fillList($('medications'), entries(medications).map((m) => concept(m.medicationCodeableConcept)), 'No active medications');
    await refreshPlacedOrders();
  }

  // ---- ordering: drafts, order-select, order-sign ----
  function renderCatalogue() {
    $('order-catalogue').replaceChildren(...CATALOGUE.map((item) => el('option', { value: item.key }, concept(item.resource.code) || concept(item.resource.medicationCodeableConcept))));
  }

  function renderDrafts() {
    const list = $('draft-orders');
    list.replaceChildren();
    for (const draft of state.drafts) {
      const remove = el('button', { type: 'button', className: 'remove-draft', 'aria-label': `Remove draft ${draftText(draft)}` }, 'Remove');
      remove.addEventListener('click', () => {
        state.drafts = state.drafts.filter((d) => d !== draft);
        state.signReviewed = false;
        renderDrafts();
      });
      list.append(el('li', { dataset: { draftId: `${draft.resourceType}/${draft.id}` } }, `${draftText(draft)} `, remove));
    }
    $('sign-orders').disabled = state.drafts.length === 0;
    $('sign-orders').textContent = state.signReviewed ? 'Sign anyway' : 'Sign';
  }
  const draftText = (d) => concept(d.code) || concept(d.medicationCodeableConcept);
  const draftBundle = () => ({ resourceType: 'Bundle', type: 'collection', entry: state.drafts.map((resource) => ({ resource })) });

  async function addDraft() {
    const item = CATALOGUE.find((c) => c.key === $('order-catalogue').value);
    if (!item || !state.patient) return;
    const draft = JSON.parse(JSON.stringify(item.resource));
    draft.id = `draft-${item.key}-${state.nextDraft++}`;
    draft.subject = { reference: `Patient/${state.patient.id}` };
    draft.authoredOn = new Date().toISOString().slice(0, 10);
    state.drafts.push(draft);
    state.signReviewed = false;
    renderDrafts();
    await callService(
      'order-select',
      { userId: USER, patientId: state.patient.id, selections: [`${draft.resourceType}/${draft.id}`], draftOrders: draftBundle() },
      true,
    );
  }

  async function sign() {
    if (!state.drafts.length) return;
    if (!state.signReviewed) {
      const cards = await callService('order-sign', { userId: USER, patientId: state.patient.id, draftOrders: draftBundle() }, true);
      if (cards && cards.length) {
        state.signReviewed = true;
        renderDrafts();
        return;
      }
    }
    await placeDrafts();
  }

  async function placeDrafts() {
    for (const draft of state.drafts) {
      const order = Object.assign({}, draft, { status: 'active' });
      delete order.id;
      await fetch(`${FHIR}/${order.resourceType}`, { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(order) });
    }
    state.drafts = [];
    state.signReviewed = false;
    renderDrafts();
    await refreshPlacedOrders();
    const medications = await getJson(`${FHIR}/MedicationRequest?patient=${encodeURIComponent(state.patient.id)}&status=active`);
    fillList($('medications'), entries(medications).map((m) => concept(m.medicationCodeableConcept)), 'No active medications');
    $('cds-status').textContent = 'Orders signed.';
  }

  async function start() {
    $('add-order').addEventListener('click', addDraft);
    $('sign-orders').addEventListener('click', sign);
    renderCatalogue();
    try {
      const [discovery] = await Promise.all([getJson(CDS), loadQuestionnaire()]);
      for (const service of discovery.services || []) state.services[service.id] = service;
      await loadPatients();
      $('cds-status').textContent = 'Choose a patient.';
      window.addEventListener('focus', returnedFromApp);
      document.addEventListener('visibilitychange', returnedFromApp);
      const linked = /^#patient=([A-Za-z0-9\-.]{1,64})$/.exec(location.hash);
      if (linked) await openPatient(decodeURIComponent(linked[1]));
      document.body.dataset.ready = 'true';
    } catch (error) {
      $('cds-status').textContent = `The demo could not start: ${error.message}`;
    }
  }

  start();
})();
