// Interoperability: every demo badge this project issues (public/badges and
// the status list) checked by implementations not written here, installed
// from npm at the versions package-lock.json pins:
// - Data Integrity (eddsa-rdfc-2022, eddsa-jcs-2022): Digital Bazaar's
//   jsonld-signatures with its DataIntegrityProof and the two cryptosuites,
//   over an offline document loader (the JSON-LD contexts pinned in
//   src/domain/verify/contexts, the keys as the catalog lists them);
// - VC-JWT and the Open Badges 2.0 signed JWS: `jose`, with the catalog's keys;
// - Open Badges 2.0 hosted (ours and the Badgr-shaped one): jsonld.js expands
//   them with the pinned 2.0 context, which must read their verification type
//   (`hosted` in ours, `HostedBadge` in Badgr's) as the same term.
// Each signed badge is also tampered with, and must then fail: a layer that
// cannot fail proves nothing. Baked PNG and SVG badges are unbaked here with
// a few lines of code of this script's own.
//
//   node scripts/interop.mjs        (exit status 1 on any disagreement)
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import * as jose from "jose";
import jsigs from "jsonld-signatures";
import jsonld from "jsonld";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as rdfc } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { createVerifyCryptosuite as jcsVerifySuite } from "@digitalbazaar/eddsa-jcs-2022-cryptosuite";
const jcs = jcsVerifySuite();

const ROOT = new URL("..", import.meta.url).pathname;
const catalog = JSON.parse(readFileSync(join(ROOT, "public/catalog.json"), "utf8"));

// The pinned contexts, by URL, read from the verifier's own table.
const CONTEXTS = {};
{
  const source = readFileSync(join(ROOT, "src/domain/verify/rdfc.rs"), "utf8");
  for (const [, url, file] of source.matchAll(/"(https?:\/\/[^"]+)",\s*include_str!\("(contexts\/[^"]+)"\)/g)) {
    CONTEXTS[url] = JSON.parse(readFileSync(join(ROOT, "src/domain/verify", file), "utf8"));
  }
  if (Object.keys(CONTEXTS).length < 10) throw new Error("could not read the pinned contexts from rdfc.rs");
}

// base58btc, for Ed25519 multikeys (z + base58(0xed 0x01 + 32 bytes)).
const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
function base58(bytes) {
  let n = BigInt("0x" + (Buffer.from(bytes).toString("hex") || "0"));
  let out = "";
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) if (b === 0) out = "1" + out; else break;
  return out;
}
function unbase58(text) {
  let n = 0n;
  for (const c of text) n = n * 58n + BigInt(ALPHABET.indexOf(c));
  let hex = n.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  return Buffer.from(hex, "hex");
}
const multikeyOf = (raw) => "z" + base58(Buffer.concat([Buffer.from([0xed, 0x01]), raw]));
const rawOfMultikey = (multibase) => unbase58(multibase.slice(1)).subarray(2);

/** Every Ed25519 key the catalog lists (and the did:key the demo's unknown issuer uses), as raw bytes. */
const KEYS = new Map();
for (const issuer of catalog.issuers) {
  for (const key of issuer.keys) {
    if (key.publicKeyMultibase) KEYS.set(key.id, { controller: issuer.id, raw: rawOfMultikey(key.publicKeyMultibase) });
    else if (key.publicKeyJwk?.crv === "Ed25519") KEYS.set(key.id, { controller: issuer.id, raw: Buffer.from(key.publicKeyJwk.x, "base64url") });
    else if (key.publicKeyPem) KEYS.set(key.id, { controller: issuer.id, pem: key.publicKeyPem });
  }
}

async function documentLoader(url) {
  if (CONTEXTS[url]) return { contextUrl: null, documentUrl: url, document: CONTEXTS[url] };
  const [base, fragment] = url.split("#");
  if (url.startsWith("did:key:")) {
    const multibase = base.slice("did:key:".length);
    const vm = { "@context": "https://w3id.org/security/multikey/v1", id: `${base}#${multibase}`, type: "Multikey", controller: base, publicKeyMultibase: multibase };
    const document = fragment ? vm : { "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"], id: base, verificationMethod: [vm], assertionMethod: [vm.id] };
    return { contextUrl: null, documentUrl: url, document };
  }
  const key = KEYS.get(url);
  if (key?.raw) {
    const document = { "@context": "https://w3id.org/security/multikey/v1", id: url, type: "Multikey", controller: key.controller, publicKeyMultibase: multikeyOf(key.raw) };
    return { contextUrl: null, documentUrl: url, document };
  }
  const issuer = catalog.issuers.find((i) => i.id === url);
  if (issuer) {
    const document = { "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"], id: issuer.id, assertionMethod: issuer.keys.map((k) => k.id) };
    return { contextUrl: null, documentUrl: url, document };
  }
  throw new Error(`offline loader: ${url} is not pinned`);
}

/** The credential text baked into a PNG (iTXt/tEXt) or an SVG. */
function unbake(bytes) {
  if (bytes.subarray(1, 4).toString() === "PNG") {
    for (let at = 8; at < bytes.length; ) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.subarray(at + 4, at + 8).toString("latin1");
      const data = bytes.subarray(at + 8, at + 8 + length);
      if (type === "iTXt") {
        const nul = data.indexOf(0);
        const keyword = data.subarray(0, nul).toString("latin1");
        if (keyword === "openbadges" || keyword === "openbadgecredential") {
          const compressed = data[nul + 1] === 1;
          let rest = data.subarray(nul + 3);
          rest = rest.subarray(rest.indexOf(0) + 1); // language tag
          rest = rest.subarray(rest.indexOf(0) + 1); // translated keyword
          return (compressed ? inflateSync(rest) : rest).toString("utf8");
        }
      }
      at += 12 + length;
    }
    throw new Error("no badge in the PNG");
  }
  const svg = bytes.toString("utf8");
  const element = /<openbadges:(?:assertion|credential)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/openbadges:)/.exec(svg);
  if (!element) throw new Error("no badge in the SVG");
  const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/.exec(element[2] ?? "");
  if (cdata) return cdata[1].trim();
  return /verify="([^"]*)"/.exec(element[1])[1].replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&amp;/g, "&");
}

async function verifyDataIntegrity(credential) {
  const suiteName = credential.proof?.cryptosuite;
  const cryptosuite = { "eddsa-rdfc-2022": rdfc, "eddsa-jcs-2022": jcs }[suiteName];
  if (!cryptosuite) throw new Error(`no independent suite for ${suiteName}`);
  const result = await jsigs.verify(credential, {
    suite: new DataIntegrityProof({ cryptosuite }),
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader,
  });
  if (!result.verified) {
    const why = result.error?.errors?.map((e) => e.message).join("; ") ?? result.error?.message ?? "not verified";
    throw new Error(why);
  }
  return `${suiteName} (jsonld-signatures + @digitalbazaar/${suiteName}-cryptosuite)`;
}

async function verifyJws(token) {
  const { alg, kid } = jose.decodeProtectedHeader(token);
  const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
  const ob2 = payload.verification?.creator;
  const keyId = ob2 ?? kid;
  const key = KEYS.get(keyId);
  if (!key) throw new Error(`the catalog lists no key ${keyId}`);
  const publicKey = key.pem
    ? await jose.importSPKI(key.pem, alg)
    : await jose.importJWK({ kty: "OKP", crv: "Ed25519", x: key.raw.toString("base64url") }, alg);
  await jose.compactVerify(token, publicKey);
  return `${ob2 ? "Open Badges 2.0 JWS" : "VC-JWT"} ${alg} (jose)`;
}

async function hostedTerm(assertion) {
  // The extension's own context is not pinned; the verification type is
  // what matters here.
  const plain = Object.fromEntries(Object.entries(assertion).filter(([k]) => !k.startsWith("extensions:")));
  const [expanded] = await jsonld.expand(plain, { documentLoader, safe: true });
  const verification = expanded["https://w3id.org/openbadges#verify"]?.[0];
  const type = verification?.["@type"]?.[0];
  if (type !== "https://w3id.org/openbadges#HostedBadge") throw new Error(`verification expands to ${type}`);
  if (expanded["@type"]?.[0] !== "https://w3id.org/openbadges#Assertion") throw new Error(`type expands to ${expanded["@type"]}`);
  return `Open Badges 2.0 hosted: “${assertion.verification.type}” expands to HostedBadge (jsonld.js)`;
}

/** Checks one badge's text; returns what checked it. */
async function check(text) {
  text = text.trim();
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text)) return verifyJws(text);
  const json = JSON.parse(text);
  if (json.proof) return verifyDataIntegrity(json);
  const kind = json.verification?.type;
  if (kind === "hosted" || kind === "HostedBadge") return hostedTerm(json);
  throw new Error("not a format this script knows");
}

/** The same badge with one value changed, which must no longer verify. */
function tampered(text) {
  text = text.trim();
  if (!text.startsWith("{")) {
    const [h, p, s] = text.split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
    payload.tampered = true;
    return `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
  }
  const json = JSON.parse(text);
  if (!json.proof) return null; // hosted: nothing signed to tamper with
  json.credentialSubject = { ...json.credentialSubject, id: "did:example:someone-else" };
  return JSON.stringify(json);
}

const files = [
  ...readdirSync(join(ROOT, "public/badges")).filter((f) => /\.(json|jwt|png|svg)$/.test(f)).map((f) => `public/badges/${f}`),
  ...readdirSync(join(ROOT, "public/status")).map((f) => `public/status/${f}`),
];
let failures = 0;
for (const file of files) {
  const bytes = readFileSync(join(ROOT, file));
  let text;
  try {
    text = /\.(png|svg)$/.test(file) ? unbake(bytes) : bytes.toString("utf8");
    const by = await check(text);
    console.log(`ok    ${file}: ${by}`);
  } catch (e) {
    failures++;
    console.log(`FAIL  ${file}: ${e.message}`);
    continue;
  }
  const forged = tampered(text);
  if (forged === null) continue;
  try {
    await check(forged);
    failures++;
    console.log(`FAIL  ${file}, tampered: still verifies`);
  } catch (e) {
    // Refused for the right reason: the signature, not a loader or parse error.
    const why = e.message;
    if (/offline loader|not pinned|not a format/.test(why)) {
      failures++;
      console.log(`FAIL  ${file}, tampered: refused for another reason (${why})`);
    } else console.log(`ok    ${file}, tampered: refused (${why.slice(0, 80)})`);
  }
}
console.log(`\ninterop: ${files.length} badge files, ${failures} disagreement(s)`);
process.exit(failures ? 1 : 0);
