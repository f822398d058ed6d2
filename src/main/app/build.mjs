// Builds the app into the Spring Boot classpath: target/classes/app-ui/ is served at /app/.
// Our own JavaScript is bundled by esbuild (fhirclient inside); LHC-Forms is copied as its own
// prebuilt web component, as its documentation asks.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const out = resolve(root, process.argv[2] || "../../../target/classes/app-ui");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { launch: join(root, "src/launch.js"), app: join(root, "src/app.js") },
  outdir: join(out, "js"),
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: ["es2020"],
  legalComments: "linked",
  logLevel: "warning",
});

cpSync(join(root, "public"), out, { recursive: true });

const lforms = join(root, "node_modules/lforms/dist/lforms");
const files = [
  "webcomponent/styles.css",
  "webcomponent/assets/lib/zone.min.js",
  "webcomponent/runtime.js",
  "webcomponent/polyfills.js",
  "webcomponent/main.js",
  "webcomponent/down_arrow_gray_10_10.png",
  "webcomponent/magnifying_glass.png",
  "fhir/R4/lformsFHIR.min.js",
  "../../LICENSE.md",
];
for (const file of files) {
  const target = join(out, "lforms", file.replace("../../", ""));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(lforms, file), target);
}
console.log(`app built into ${out}`);
