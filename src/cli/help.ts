/** The CLI's `--help` text. */
export const HELP = `Usage: hyperbrowser-session get <session-id> [options]

Looks up a Hyperbrowser browser session (GET /api/session/{id}) and prints it.

Options:
  --api-key <key>     API key (default: $HYPERBROWSER_API_KEY)
  --base-url <url>    API base URL (default: $HYPERBROWSER_BASE_URL, else https://api.hyperbrowser.ai)
  --timeout <ms>      time limit of one attempt, headers and body (default: 30000)
  --retries <n>       retries after the first attempt, 0 to 10 (default: 2)
  --json              print the session as JSON on stdout (the token included)
  --validate          check the response against the spec's schema; a violation exits 5
  --mock              query the sample sessions of the testing kit's in-memory mock (no network); it
                      accepts the key "mock-api-key", used when --api-key is not given
                      (HYPERBROWSER_API_KEY is ignored); any other key gets a 401 (exit 4)
  -h, --help          show this help

Output: a readable summary (status, times, live URL, launch options; the session token masked),
or the raw JSON with --json. Errors go to stderr on one line. Text from the server is printed
with control characters and terminal escape sequences removed.

Exit codes:
  0  the session was printed
  2  usage error (unknown option, missing API key, missing or invalid id or option)
  3  session not found (404)
  4  authentication failed (401, 403)
  5  other API error: another status (a redirect included), an answer that is not HTTP or
     not JSON, or, with --validate, a body that breaks the spec
  6  network error or timeout
`;
