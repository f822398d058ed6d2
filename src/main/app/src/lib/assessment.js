// The assessment view: the full reasoning from POST /app/api/assessment as HTML. Every text from
// the server is escaped; only http(s) links become links.

export function escapeHtml(value) {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function link(guideline) {
  const name = escapeHtml(guideline.name || guideline.url);
  try {
    const url = new URL(guideline.url);
    if (url.protocol === "https:" || url.protocol === "http:") {
      return `<a href="${escapeHtml(url.href)}" target="_blank" rel="noopener noreferrer">${name}</a>`;
    }
  } catch {
    // not a URL: the name alone
  }
  return name;
}

function guidelines(list) {
  return list && list.length ? `<span class="guidelines">Guideline: ${list.map(link).join(", ")}</span>` : "";
}

const LIKELIHOOD = { high: "Likely", moderate: "Possible", low: "Less likely" };
const QUESTIONNAIRE = {
  current: "Your answers from {date} were used.",
  "out-of-date": "Your answers from {date} are too old to use; please fill in the questions again.",
  none: "No answers to the questions yet: the causes are ranked from the record alone.",
};

function finding(f) {
  const points = typeof f.points === "number" ? `<span class="points">${f.points > 0 ? "+" : ""}${f.points}</span>` : "";
  const basis = f.basis ? `<span class="basis">${escapeHtml(f.basis)}</span>` : "";
  return `<li>${points}<span class="finding-text">${escapeHtml(f.text)}</span>${basis}${guidelines(f.guidelines)}</li>`;
}

function findings(title, list, cls) {
  if (!list || !list.length) return "";
  return `<h4>${title}</h4><ul class="findings ${cls}">${list.map(finding).join("")}</ul>`;
}

function cause(c) {
  const likelihood = LIKELIHOOD[c.likelihood] || escapeHtml(c.likelihood);
  const limits = c.limits && c.limits.length
    ? `<h4>Limits</h4><ul class="limits">${c.limits.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`
    : "";
  return (
    `<li class="cause" data-code="${escapeHtml(c.code)}" data-rank="${escapeHtml(c.rank)}">` +
    `<h3><span class="rank">${escapeHtml(c.rank)}.</span> ${escapeHtml(c.display)} ` +
    `<span class="likelihood likelihood-${escapeHtml(c.likelihood)}">${likelihood}</span></h3>` +
    findings("Points for", c.supporting, "for") +
    findings("Points against", c.against, "against") +
    limits +
    `</li>`
  );
}

function redFlag(r) {
  return (
    `<li class="red-flag red-flag-${escapeHtml(r.urgency)}" data-code="${escapeHtml(r.code)}">` +
    `<h3>${escapeHtml(r.display)}</h3><p>${escapeHtml(r.text)}</p>` +
    (r.action ? `<p class="action">${escapeHtml(r.action)}</p>` : "") +
    (r.findings && r.findings.length ? `<ul class="findings">${r.findings.map(finding).join("")}</ul>` : "") +
    guidelines(r.guidelines) +
    `</li>`
  );
}

function step(s) {
  return (
    `<li data-code="${escapeHtml(s.code)}"><strong>${escapeHtml(s.label)}</strong>` +
    (s.urgent ? ` <span class="urgent">soon</span>` : "") +
    (s.reason ? `: ${escapeHtml(s.reason)}` : "") +
    guidelines(s.guidelines) +
    `</li>`
  );
}

function threshold(t) {
  return `<tr><th scope="row">${escapeHtml(t.key)}</th><td>${escapeHtml(t.value)}</td><td>${escapeHtml(t.source)} ${guidelines(t.guidelines)}</td></tr>`;
}

function section(id, title, body) {
  return body ? `<section class="part" id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>${body}</section>` : "";
}

/** The whole view; `data` is the 200 body of the assessment endpoint. */
export function renderAssessment(data) {
  const q = data.questionnaire || { status: "none" };
  const qText = (QUESTIONNAIRE[q.status] || QUESTIONNAIRE.none).replace("{date}", escapeHtml(q.date || ""));
  const causes = data.causes || [];
  const lead = causes[0]
    ? `<p class="lead">Most likely: <strong id="top-cause" data-code="${escapeHtml(causes[0].code)}">${escapeHtml(causes[0].display)}</strong>.</p>`
    : "";
  return (
    `<p class="questionnaire-status" data-status="${escapeHtml(q.status)}">${qText}</p>` +
    lead +
    section(
      "red-flags",
      "Needs attention first",
      (data.redFlags || []).length ? `<ul class="red-flags">${data.redFlags.map(redFlag).join("")}</ul>` : "",
    ) +
    section("causes", "Possible causes, most likely first", causes.length ? `<ol class="causes">${causes.map(cause).join("")}</ol>` : "") +
    section(
      "next-steps",
      "What to do next",
      (data.nextSteps || []).length ? `<ul class="next-steps">${data.nextSteps.map(step).join("")}</ul>` : "",
    ) +
    section(
      "advice",
      "Things you can try",
      (data.advice || []).length ? `<ul class="advice">${data.advice.map((a) => `<li>${escapeHtml(a.text)}</li>`).join("")}</ul>` : "",
    ) +
    section(
      "missing",
      "What we could not check",
      (data.missing || []).length ? `<ul class="missing">${data.missing.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul>` : "",
    ) +
    section(
      "medicines",
      "Medicines that may play a part",
      (data.medicationEffects || []).length
        ? `<ul class="medicines">${data.medicationEffects.map((m) => `<li><strong>${escapeHtml(m.drug)}</strong>: ${escapeHtml(m.text)}</li>`).join("")}</ul>`
        : "",
    ) +
    section(
      "thresholds",
      "The limits used",
      (data.thresholds || []).length
        ? `<div class="table-wrap"><table><caption class="visually-hidden">Thresholds and their sources</caption><thead><tr><th scope="col">Limit</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead><tbody>${data.thresholds.map(threshold).join("")}</tbody></table></div>`
        : "",
    )
  );
}
