#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ (scripts/build.mjs) so start-up stays fast.
import '../dist/pipec.js';
