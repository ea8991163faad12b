import { createServer } from "node:net";

/** Asks the OS for a free TCP port on 127.0.0.1 (for servers, like Prism, that cannot take port 0). */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("could not read the port of a probe server");
  return address.port;
}
