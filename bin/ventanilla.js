#!/usr/bin/env node
// The CLI is built with the app (npm install runs the build); this only loads it.
import '../out/main/cli.js';
