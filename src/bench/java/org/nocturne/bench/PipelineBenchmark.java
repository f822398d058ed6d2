package org.nocturne.bench;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nocturne.cards.CardContext;
import org.nocturne.cards.CardRenderer;
import org.nocturne.cards.NotRead;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.fhir.CodeSets;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.RecordReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The service's work for one patient-view call without HTTP: parse the prefetched JSON, map it,
 * assess, render the cards and write the response JSON, for a typical record (about 60 resources
 * with a questionnaire response) and a large one (about 1,000); and card rendering alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Param({"60", "1000"})
  public int resources;

  private Map<String, String> prefetch;
  private RecordReader reader;
  private FactsMapper mapper;
  private CauseModel model;
  private CardRenderer renderer;
  private Assessment assessment;
  private final CardContext context =
      new CardContext("bench", "pat-rest-pain", "https://cds.example.org", null);

  @Setup
  public void setUp() throws Exception {
    FhirContext fhir = FhirContext.forR4Cached();
    Knowledge knowledge = Knowledge.load();
    prefetch = SyntheticRecord.prefetch(resources);
    CodeSets codes = CodeSets.load(fhir);
    reader = new RecordReader(fhir, codes);
    mapper = new FactsMapper(codes);
    model = new CauseModel(knowledge, ComplaintWindow.DEFAULT);
    renderer = new CardRenderer(knowledge, fhir);
    assessment = model.assess(mapper.map(reader.read(prefetch, List.of()), NOW), TODAY);
  }

  @Benchmark
  public byte[] parseMapAssessRender() {
    var facts = mapper.map(reader.read(prefetch, List.of()), NOW);
    List<Card> cards = renderer.patientView(model.assess(facts, TODAY), context, NotRead.nothing());
    return CdsJson.mapper().writeValueAsBytes(CdsResponse.of(cards));
  }

  @Benchmark
  public List<Card> renderCards() {
    return renderer.patientView(assessment, context, NotRead.nothing());
  }
}
