// /app/launch: checks the launch, then hands over to fhirclient for the SMART authorization.
import FHIR from "fhirclient";
import { LaunchError, planLaunch } from "./lib/launch.js";

const $ = (id) => document.getElementById(id);

function fail(code, text) {
  $("status").hidden = true;
  const message = $("message");
  message.textContent = text;
  message.dataset.code = code;
  message.hidden = false;
  document.body.dataset.state = "error";
}

async function main() {
  let config;
  try {
    const response = await fetch("/app/config.json", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    config = await response.json();
  } catch {
    fail("no-config", "The app is not switched on at this server, so it cannot sign in. Please tell the record's support team.");
    return;
  }
  let plan;
  try {
    plan = planLaunch(new URLSearchParams(location.search), config, location.origin);
  } catch (e) {
    if (e instanceof LaunchError) {
      fail(e.code, e.message);
      return;
    }
    throw e;
  }
  if (plan.mode === "choose") {
    $("status").hidden = true;
    const list = $("servers");
    for (const iss of plan.choices) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `?iss=${encodeURIComponent(iss)}`;
      a.className = "button";
      a.textContent = `Sign in at ${iss}`;
      li.append(a);
      list.append(li);
    }
    $("choose").hidden = false;
    document.body.dataset.state = "choose";
    return;
  }
  document.body.dataset.state = "authorizing";
  try {
    await FHIR.oauth2.authorize(plan.options);
  } catch (e) {
    fail(
      "authorize-failed",
      "The health record's sign-in service could not be reached or does not support a safe sign-in " +
        `(PKCE). Please try again later. (${String(e.message || e).split("\n")[0]})`,
    );
  }
}

main();
