// For bundlers' CommonJS output: the checks are required too, so the bundle has a single file.
const { createHyperbrowserClient } = require("@internal/hyperbrowser-session-client");
const { runChecks } = require("./checks.cjs");

runChecks(createHyperbrowserClient, process.argv[2]).then((result) => console.log(JSON.stringify(result)));
