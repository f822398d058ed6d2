package org.nocturne.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.Recommendation;
import org.nocturne.clinical.facts.Complaint;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.knowledge.EvidenceGrade;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.knowledge.Threshold;

/**
 * The assessment as the app shows it: everything a card leaves out. Every cause with every finding
 * for and against and what capped it, the red flags, the next steps, the thresholds the findings
 * were judged against, each source with its guideline's page, and what the model did not see. Texts
 * come from the model and the knowledge file; nothing is written here.
 */
final class AssessmentView {

  private final Knowledge knowledge;

  AssessmentView(Knowledge knowledge) {
    this.knowledge = knowledge;
  }

  Map<String, Object> of(String patient, LocalDate today, Assessment assessment) {
    Set<String> bases = new LinkedHashSet<>();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("patient", patient);
    view.put("evaluatedOn", today.toString());
    view.put("questionnaire", questionnaire(assessment.complaint()));
    Map<String, Object> complaint = new LinkedHashMap<>();
    complaint.put("current", assessment.complaint().current());
    complaint.put("adult", assessment.complaint().adult());
    complaint.put("evidence", assessment.complaint().evidence());
    view.put("complaint", complaint);
    List<Map<String, Object>> causes = new ArrayList<>();
    int rank = 1;
    for (CauseAssessment cause : assessment.causes()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("rank", rank++);
      c.put("code", cause.cause().code());
      c.put("display", knowledge.name(cause.cause()));
      c.put("shortName", knowledge.shortName(cause.cause()));
      c.put("score", cause.score());
      c.put("likelihood", cause.likelihood().code());
      c.put("supporting", findings(cause.supporting(), bases));
      c.put("against", findings(cause.against(), bases));
      c.put("limits", cause.limits());
      causes.add(c);
    }
    view.put("causes", causes);
    view.put("redFlags", assessment.redFlags().stream().map(f -> flag(f, bases)).toList());
    view.put("nextSteps", assessment.nextSteps().stream().map(this::step).toList());
    view.put("thresholds", thresholds(bases));
    view.put("missing", assessment.gaps());
    view.put(
        "advice",
        assessment.advice().stream()
            .map(a -> advice(a, knowledge.patientAdvice(a), knowledge.advice(a).source()))
            .toList());
    view.put(
        "withheldAdvice",
        assessment.withheldAdvice().stream()
            .map(a -> advice(a, knowledge.withheld(a).text(), knowledge.withheld(a).source()))
            .toList());
    view.put(
        "medicationEffects",
        assessment.medicationEffects().stream().map(e -> effect(e, bases)).toList());
    view.put("onRecord", assessment.onRecord().stream().map(AssessmentView::measurement).toList());
    return view;
  }

  private static Map<String, Object> questionnaire(Complaint complaint) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put(
        "status",
        !complaint.questionnaireOnRecord()
            ? "none"
            : complaint.questionnaireCurrent() ? "current" : "out-of-date");
    q.put(
        "date",
        complaint.questionnaireDate() == null ? null : complaint.questionnaireDate().toString());
    q.put(
        "reference",
        complaint.evidence().stream()
            .filter(e -> e.startsWith("QuestionnaireResponse/"))
            .findFirst()
            .orElse(null));
    return q;
  }

  private List<Map<String, Object>> findings(List<Finding> findings, Set<String> bases) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Finding finding : findings) {
      bases.add(finding.basis());
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("text", finding.text());
      f.put("points", finding.points());
      f.put("basis", readable(finding.basis()));
      f.put("guidelines", guidelines(finding.basis()));
      f.put("evidence", finding.evidence());
      out.add(f);
    }
    return out;
  }

  private Map<String, Object> flag(RaisedFlag raised, Set<String> bases) {
    Knowledge.Guidance guidance = knowledge.flag(raised.guidance());
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("code", raised.flag().code());
    f.put("display", guidance.display());
    f.put("urgency", raised.urgency().name().toLowerCase(Locale.ROOT));
    f.put("text", guidance.text());
    f.put("action", guidance.action());
    f.put("source", readable(guidance.source()));
    f.put("guidelines", guidelines(guidance.source()));
    f.put("findings", findings(raised.findings(), bases));
    return f;
  }

  private Map<String, Object> step(Recommendation recommendation) {
    Knowledge.StepText text = knowledge.step(recommendation.step());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("code", recommendation.step().key());
    s.put("label", text.label());
    s.put("reason", recommendation.reason());
    s.put("urgent", recommendation.urgent());
    s.put("source", readable(text.source()));
    s.put("guidelines", guidelines(text.source()));
    s.put("evidence", recommendation.evidence());
    return s;
  }

  /** The thresholds whose source is the basis of a finding shown: those it was judged against. */
  private List<Map<String, Object>> thresholds(Set<String> bases) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Threshold threshold : Threshold.values()) {
      String source = knowledge.source(threshold);
      if (bases.contains(source)) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("key", threshold.key());
        t.put("value", knowledge.value(threshold));
        t.put("source", readable(source));
        t.put("guidelines", guidelines(source));
        out.add(t);
      }
    }
    return out;
  }

  private Map<String, Object> advice(Advice advice, String text, String source) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("code", advice.key());
    a.put("text", text);
    a.put("source", readable(source));
    return a;
  }

  private Map<String, Object> effect(MedicationEffect effect, Set<String> bases) {
    Knowledge.Guidance guidance = knowledge.effect(effect.kind());
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("code", effect.kind().key());
    e.put("display", guidance.display());
    e.put("drugs", effect.drugs().stream().map(d -> d.name()).toList());
    e.put("text", guidance.text());
    e.put("action", guidance.action());
    e.put("source", readable(guidance.source()));
    e.put("guidelines", guidelines(guidance.source()));
    e.put("findings", findings(effect.findings(), bases));
    e.put("evidence", effect.evidence());
    return e;
  }

  private static Map<String, Object> measurement(Measurement m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("measure", m.measure().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    out.put("value", m.value());
    out.put("unit", m.unit());
    out.put("side", m.side().name().toLowerCase(Locale.ROOT));
    out.put("date", m.date() == null ? null : m.date().toString());
    out.put("reference", m.source());
    return out;
  }

  private List<Map<String, String>> guidelines(String source) {
    if (source == null) {
      return List.of();
    }
    return knowledge.guidelines(source).stream()
        .map(g -> Map.of("name", g.name(), "url", g.url()))
        .toList();
  }

  /**
   * A source as a reader sees it: without the reference's evidence tags ({@code [V]} checked,
   * {@code [V-weak]}, {@code [M]}), which are for the people who maintain the knowledge file.
   */
  static String readable(String source) {
    return source == null ? null : EvidenceGrade.strip(source);
  }
}
