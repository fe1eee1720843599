// A real HTTP enrolment service for the checkout e2e tests, implementing
// docs/enrolment.openapi.yaml: it records every request it is sent and keeps
// one enrolment per Idempotency-Key (a repeat of a key answers 409 with the
// first reference). The test steers it with `script`: a queue of behaviours
// for the next requests ("ok", "pay", "422", "500", "slow"); an empty queue
// means "ok". CORS is answered as a real cross-origin API would.
//
//   const api = await startEndpoint(4175); … api.requests, api.enrolments, api.script.push("500"), await api.close()
import { createServer } from "node:http";

export async function startEndpoint(port) {
  const state = {
    requests: [],
    /** key → { reference, body } */
    enrolments: new Map(),
    script: [],
    /** Requests that got an answer after a "slow" delay. */
    slowMs: 4000,
    reset() {
      this.requests.length = 0;
      this.enrolments.clear();
      this.script.length = 0;
      this.counter = 0;
    },
    counter: 0,
  };
  const cors = {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": "content-type, idempotency-key",
    "access-control-max-age": "0",
  };
  /** The answer to one request, recording the enrolment when it is new. */
  function decide(behaviour, key, body, path) {
    if (behaviour === "500") return [500, { error: "internal" }];
    if (behaviour === "422") {
      return [422, { errors: { "learner.email": "This address cannot receive mail: use another.", cohort: "The cohort is being rescheduled." } }];
    }
    if (!key || !body) return [400, { error: "a JSON body and an Idempotency-Key are required" }];
    const first = state.enrolments.get(key);
    if (first) return [409, { reference: first.reference }];
    const reference = `${path.includes("interest") ? "INT" : "ENR"}-${String(++state.counter).padStart(5, "0")}`;
    state.enrolments.set(key, { reference, body, path });
    if (behaviour === "pay") {
      const back = new URL(body.return_url);
      back.searchParams.set("reference", reference);
      return [201, { reference, payment_url: back.toString() }];
    }
    return [201, { reference }];
  }
  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors).end();
      return;
    }
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      const key = req.headers["idempotency-key"] ?? null;
      let body = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      const behaviour = state.script.shift() ?? "ok";
      state.requests.push({ path: req.url, method: req.method, key, body, behaviour, contentType: req.headers["content-type"] });
      const send = (status, json) => res.writeHead(status, { ...cors, "content-type": "application/json" }).end(JSON.stringify(json));
      const [status, json] = decide(behaviour, key, body, req.url);
      // "slow": recorded now, answered too late (a server that commits and
      // then stalls): the browser gives up, and its retry must get a 409.
      if (behaviour === "slow") setTimeout(() => res.writableEnded || send(status, json), state.slowMs);
      else send(status, json);
    });
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  state.close = () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); });
  return state;
}
