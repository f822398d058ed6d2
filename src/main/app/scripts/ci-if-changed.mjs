// `npm ci`, skipped when node_modules already holds exactly package-lock.json (a stamp file keeps
// the lock's hash): a clean clone installs, an everyday build does not reinstall 200 packages.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "node_modules", ".nocturne-lock-sha256");
const lock = createHash("sha256").update(readFileSync(join(root, "package-lock.json"))).digest("hex");

if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === lock) {
  console.log("node_modules matches package-lock.json: npm ci skipped");
} else {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["ci"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  writeFileSync(stamp, lock + "\n");
}
