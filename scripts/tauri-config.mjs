#!/usr/bin/env node
// Writes src-tauri/tauri.conf.json, the copy of the root tauri.conf.json that the Tauri CLI reads.
//
// The one app configuration is the root tauri.conf.json (cargo reads it through
// src-tauri/build.rs). The Tauri CLI only looks for a config beside the app crate's Cargo.toml,
// so this writes a copy there with its paths made relative to src-tauri; git ignores the copy:
// edit the root file. Run the CLI with TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui (the
// hooks below then run in ui/). Used by scripts/package and .github/workflows/release.yml;
// works from any directory.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const config = JSON.parse(readFileSync(join(root, "tauri.conf.json"), "utf8"));
config.build.frontendDist = "../ui/dist";
config.build.beforeBuildCommand = "npm run build";
config.build.beforeDevCommand = "npm run dev";
config.bundle.icon = config.bundle.icon.map((icon) => icon.replace(/^src-tauri\//, ""));
writeFileSync(join(root, "src-tauri", "tauri.conf.json"), JSON.stringify(config, null, 2) + "\n");
