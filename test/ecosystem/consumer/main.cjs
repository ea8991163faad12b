const { createHyperbrowserClient } = require("@internal/hyperbrowser-session-client");

import("./checks.mjs")
  .then(async ({ runChecks }) =>
    console.log(JSON.stringify(await runChecks(createHyperbrowserClient, process.argv[2]))),
  )
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
