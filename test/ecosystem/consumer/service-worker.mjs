// The same handler in service-worker form (edge-runtime runs scripts that add a "fetch" listener).
import worker from "./worker.mjs";

addEventListener("fetch", (event) => event.respondWith(worker.fetch(event.request)));
