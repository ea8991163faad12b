/**
 * Prints the retry-budget simulation table of the README: each scenario (an outage under load, a steady
 * 10% failure rate, a quiet client after an outage) run through a real client on a virtual clock,
 * under the default budget, gRPC-style throttling without recovery, and no budget. Deterministic.
 * Usage: npm run simulate:budget
 */
import { simulationTable } from "./lib/retry-budget-simulation.js";

console.log(await simulationTable());
