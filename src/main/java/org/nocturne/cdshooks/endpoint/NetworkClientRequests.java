package org.nocturne.cdshooks.endpoint;

import java.util.UUID;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.CdsRequest;
import org.nocturne.cdshooks.CdsServiceDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Completes a call from a trusted-network client that does not speak CDS Hooks 2.0 to the letter,
 * as Bahmni's CDSS module sends it: {@code {"hook": "<service id>", "prefetch": {"patient",
 * "conditions", "draftMedicationRequests"}}}, with no {@code hookInstance} and no {@code context}.
 * Only what is absent is filled in, from what the call itself carries; a field that is present is
 * validated as sent. Never applied to a caller proven by a JWT.
 */
final class NetworkClientRequests {
  /** Bahmni's prefetch key for the orders being written (its CDSS module's own name). */
  static final String BAHMNI_DRAFTS = "draftMedicationRequests";

  /** Who the user is, when the client does not say: a fixed reference, never a guess. */
  static final String UNKNOWN_USER = "Practitioner/unknown";

  private NetworkClientRequests() {}

  private static ObjectNode bundle() {
    ObjectNode bundle = CdsJson.mapper().createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "collection");
    bundle.putArray("entry");
    return bundle;
  }

  static CdsRequest complete(CdsRequest request, CdsServiceDescriptor service) {
    String hook =
        request.hook() == null || request.hook().isBlank() || request.hook().equals(service.id())
            ? service.hook()
            : request.hook();
    String hookInstance =
        request.hookInstance() == null || request.hookInstance().isBlank()
            ? UUID.randomUUID().toString()
            : request.hookInstance();
    ObjectNode context =
        request.context() != null && request.context().isObject()
            ? ((ObjectNode) request.context()).deepCopy()
            : CdsJson.mapper().createObjectNode();
    JsonNode prefetch = request.prefetch();
    if (!context.has("patientId") && prefetch != null) {
      String id = prefetch.path("patient").path("id").asString("");
      if (!id.isEmpty()) {
        context.put("patientId", id);
      }
    }
    if (!context.has("userId")) {
      context.put("userId", UNKNOWN_USER);
    }
    JsonNode bahmni = prefetch == null ? null : prefetch.get(BAHMNI_DRAFTS);
    if (bahmni != null && bahmni.isObject() && prefetch.isObject()) {
      // Bahmni's one Bundle holds the patient's active orders and the ones being written: the
      // first are the medication list, the second the draft orders
      ObjectNode drafts = bundle();
      ObjectNode active = bundle();
      int n = 0;
      for (JsonNode entry : bahmni.path("entry")) {
        JsonNode resource = entry.path("resource");
        boolean existing =
            "active".equals(resource.path("status").asString(""))
                && !resource.path("id").asString("").isEmpty();
        if (existing) {
          ((ArrayNode) active.get("entry")).add(entry);
        } else {
          ObjectNode draft = (ObjectNode) entry.deepCopy();
          if (draft.path("resource").isObject()
              && draft.path("resource").path("id").asString("").isEmpty()) {
            // a draft has no id yet: one of the call's own, so the card can name it
            ((ObjectNode) draft.get("resource")).put("id", "draft-" + (++n));
          }
          ((ArrayNode) drafts.get("entry")).add(draft);
        }
      }
      ObjectNode completed = ((ObjectNode) prefetch).deepCopy();
      if (!completed.has("medications")) {
        completed.set("medications", active);
      }
      prefetch = completed;
      if (hook.startsWith("order-") && !context.has("draftOrders")) {
        context.set("draftOrders", drafts);
      }
    }
    if (hook.equals("order-select") && !context.has("selections") && context.has("draftOrders")) {
      // every order Bahmni sends is one being written now
      ArrayNode selections = context.putArray("selections");
      for (JsonNode entry : context.path("draftOrders").path("entry")) {
        JsonNode resource = entry.path("resource");
        String type = resource.path("resourceType").asString("");
        String id = resource.path("id").asString("");
        if (!type.isEmpty() && !id.isEmpty()) {
          selections.add(type + "/" + id);
        }
      }
      if (selections.isEmpty()) {
        context.remove("selections");
      }
    }
    return new CdsRequest(
        hook, hookInstance, request.fhirServer(), request.fhirAuthorization(), context, prefetch);
  }
}
