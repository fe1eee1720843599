// Writes a large, valid catalog for benchmarks: the demo catalog's
// institution, issuers, series and suites, plus generated offerings with
// varied titles, skills, outcomes, fees and cohorts. Deterministic (seeded).
//   node scripts/big-catalog.mjs [--offerings 10000] [--out target/bench-fixtures/big/catalog.json]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const total = Number(arg("offerings", "10000"));
const out = arg("out", "target/bench-fixtures/big/catalog.json");

// mulberry32: small, fast, good enough to vary test data.
let seed = 20261130;
const random = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const some = (list, n) => Array.from({ length: n }, () => pick(list));

const catalog = JSON.parse(readFileSync("public/catalog.json", "utf8"));
const templates = catalog.offerings;
const LEVELS = ["Foundations of", "Applied", "Advanced", "Introduction to", "Practical", "Leading", "Strategic", "Essentials of", "Contemporary", "Principles of"];
const TOPICS = [
  "Health Data", "Cyber Security", "Team Leadership", "Carbon Accounting", "Learning Design", "Mental Health at Work",
  "Project Management", "Data Visualisation", "Machine Learning", "Public Policy", "Supply Chains", "Digital Marketing",
  "Clinical Governance", "Financial Analysis", "Urban Planning", "Water Management", "Contract Law", "Negotiation",
  "Aged Care Practice", "Disability Support", "Early Childhood Education", "Renewable Energy", "Biostatistics",
  "Software Testing", "Cloud Architecture", "Human Resources", "Workplace Safety", "Indigenous Knowledges",
  "Museum Curation", "Creative Writing", "Photography", "Conversational Japanese", "Occupational Therapy",
  "Pharmacy Practice", "Construction Management", "Agribusiness", "Tourism Operations", "Sports Coaching",
];
const CONTEXTS = ["in Healthcare", "for Managers", "in Practice", "for the Public Sector", "for Small Business", "in Schools", "for Engineers", "", "", ""];
const WORDS = [
  "analysis", "evidence", "stakeholders", "reporting", "governance", "risk", "design", "evaluation", "strategy", "ethics",
  "communication", "modelling", "compliance", "innovation", "leadership", "collaboration", "quality", "safety", "planning",
  "research", "policy", "systems", "customers", "teams", "budgets", "sustainability", "accessibility", "privacy", "data",
  "standards", "wellbeing", "negotiation", "operations", "technology", "outcomes", "community", "equity", "measurement",
];
const SKILLS = [
  "Python", "SQL", "Excel", "Risk assessment", "Stakeholder engagement", "Report writing", "Data visualisation", "Coaching",
  "Budgeting", "Policy analysis", "Statistics", "Project planning", "Facilitation", "Auditing", "User research", "Negotiation",
  "Change management", "Carbon accounting", "Accessibility testing", "Incident response", "Cloud security", "Grant writing",
];
const DELIVERY = ["online", "online", "face-to-face", "blended"];

const iso = (days) => new Date(Date.UTC(2026, 0, 1) + days * 86400000).toISOString().slice(0, 10);
const sentence = (n) => {
  const w = some(WORDS, n);
  return `${w[0][0].toUpperCase()}${w[0].slice(1)} ${w.slice(1).join(" ")}.`;
};

const offerings = [...templates];
for (let i = offerings.length; i < total; i++) {
  const t = templates[i % templates.length];
  const title = [pick(LEVELS), pick(TOPICS), pick(CONTEXTS)].filter(Boolean).join(" ");
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${i}`;
  const cohorts = [];
  const n = Math.floor(random() * 4);
  for (let c = 0; c < n; c++) {
    const start = Math.floor(random() * 900);
    const length = t.kind === "micro-credential" ? 42 : Math.floor(random() * 30);
    const delivery = pick(DELIVERY);
    const cohort = { id: `gen-${i}-${c}`, startDate: iso(start), endDate: iso(start + length), delivery };
    if (delivery !== "online") cohort.location = "Kestrel University, City campus, Melbourne";
    if (random() < 0.85) cohort.enrolmentOpens = iso(start - 90);
    cohort.status = random() < 0.1 ? "full" : "scheduled";
    cohorts.push(cohort);
  }
  const o = {
    ...t,
    id: `gen-${i}`,
    slug,
    title,
    summary: `${sentence(12)} ${sentence(8)}`,
    description: [sentence(30), sentence(25)],
    discipline: pick(catalog.disciplines).id,
    fee: { amountCents: Math.floor(random() * 600) * 500, currency: "AUD" },
    skills: [...new Set(some(SKILLS, 4))],
    learningOutcomes: [sentence(9), sentence(10), sentence(8)],
    cohorts,
  };
  if (o.badge) o.badge = { ...o.badge, achievementId: `https://kestrel.example/achievements/gen-${i}` };
  offerings.push(o);
}
catalog.offerings = offerings;
mkdirSync(dirname(out), { recursive: true });
const text = JSON.stringify(catalog);
writeFileSync(out, text);
console.log(`${out}: ${offerings.length} offerings, ${(text.length / 1e6).toFixed(1)} MB`);
