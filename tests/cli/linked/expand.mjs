// The JSON-LD export (euiomkb export --format jsonld) as a linked-data consumer reads it: the
// jsonld package (npm) expands it to RDF with a document loader that refuses every fetch (the
// @context is inline), then a sample of triples the seed states must be among the quads.
// Usage: node expand.mjs EXPORT.jsonld. Exits 77 (ctest SKIP) when node_modules has no jsonld,
// except under CI=true, where that is a failure.
import fs from 'node:fs';

const SKIP = 77;
let jsonld;
try {
  jsonld = (await import('jsonld')).default;
} catch {
  if (process.env.CI === 'true') {
    console.error('FAILED: jsonld is not installed (CI=true; npm ci installs it)');
    process.exit(1);
  }
  console.log('SKIPPED: jsonld is not installed (npm ci)');
  process.exit(SKIP);
}

const file = process.argv[2];
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const fetched = [];
const documentLoader = async (url) => {
  fetched.push(url);
  throw new Error(`no network: the export asked for ${url}`);
};
// Safe mode: a term missing from the context or a relative id, which expansion would drop
// silently, is an error.
let quads;
try {
  quads = await jsonld.toRDF(doc, { documentLoader, safe: true });
} catch (error) {
  console.error(`FAIL: jsonld cannot expand ${file}: ${error.message}`,
    JSON.stringify(error.details?.event?.details ?? error.details?.code ?? ''));
  process.exit(1);
}

const ORG = 'http://www.w3.org/ns/org#';
const PROV = 'http://www.w3.org/ns/prov#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const KB = 'urn:euiomkb:';
const term = (t) => t.termType === 'Literal'
  ? { value: t.value, datatype: t.datatype.value } : t.value;
const triples = quads.map((q) => ({ s: q.subject.value, p: q.predicate.value, o: term(q.object) }));
const has = (s, p, o) => triples.some((t) =>
  (s === undefined || t.s === s) && t.p === p &&
  (typeof o === 'function' ? o(t.o) : t.o === o));
const subjectsWith = (p, o) => triples.filter((t) => t.p === p && t.o === o).map((t) => t.s);

const samples = [];
const sample = (what, ok) => samples.push({ what, ok });

sample('William Lacy Swing is a Popolo (W3C person) Person',
  has(`${KB}person/william-swing`, RDF_TYPE, 'http://www.w3.org/ns/person#Person'));
sample('DG HOME is an org:Organization',
  has(`${KB}organisation/dg-home`, RDF_TYPE, `${ORG}Organization`));
sample('the IOM Director General post is an org:Post in IOM',
  has(`${KB}post/iom-director-general`, `${ORG}postIn`, `${KB}organisation/iom`));
const swingTenure = `${KB}tenure/william-swing/iom-director-general`;
sample('his tenure is an org:Membership with him as org:member',
  has(swingTenure, RDF_TYPE, `${ORG}Membership`) &&
  has(swingTenure, `${ORG}member`, `${KB}person/william-swing`));
sample('the tenure states no start date (the documents give none)',
  !has(swingTenure, 'http://schema.org/startDate', () => true));
const renamings = subjectsWith(`${ORG}originalOrganization`, `${KB}organisation/dg-devco`)
  .filter((s) => has(s, RDF_TYPE, `${ORG}ChangeEvent`) &&
    has(s, `${ORG}resultingOrganization`, `${KB}organisation/dg-intpa`) &&
    has(s, 'http://purl.org/dc/terms/date', (o) => o.value === '2021' && o.datatype === `${XSD}gYear`));
sample('DG DEVCO renamed DG INTPA in 2021 is an org:ChangeEvent dated xsd:gYear', renamings.length === 1);
const splits = subjectsWith(`${ORG}originalOrganization`, `${KB}organisation/dg-near`)
  .filter((s) => has(s, RDF_TYPE, `${ORG}ChangeEvent`));
sample('the split of DG NEAR is two org:ChangeEvents', splits.length === 2);
const swingPassages = triples
  .filter((t) => t.s === `${KB}person/william-swing` && t.p === `${PROV}wasDerivedFrom`)
  .map((t) => t.o);
sample('William Lacy Swing prov:wasDerivedFrom passages quoted from a stored source',
  swingPassages.length > 0 && swingPassages.every((p) =>
    has(p, `${PROV}value`, (o) => typeof o === 'object' && o.value.includes('Swing')) &&
    has(p, `${PROV}wasQuotedFrom`, (o) => typeof o === 'string' && o.startsWith('ni:///sha-256;'))));
sample('a meeting day is a typed xsd:date',
  has(`${KB}meeting/som-1`, 'http://schema.org/startDate',
    (o) => o.value === '2013-05-03' && o.datatype === `${XSD}date`));
sample('some date keeps its month precision as xsd:gYearMonth',
  triples.some((t) => typeof t.o === 'object' && t.o.datatype === `${XSD}gYearMonth`));

let failed = 0;
for (const { what, ok } of samples) {
  if (!ok) {
    failed += 1;
    console.error(`FAIL: ${what}`);
  }
}
// Every node of the @graph became a subject (no id dropped as relative or malformed).
const subjects = new Set(triples.map((t) => t.s));
const missing = doc['@graph'].filter((n) => !subjects.has(n.id));
if (missing.length) {
  failed += 1;
  console.error(`FAIL: ${missing.length} nodes gave no triple, e.g. ${missing[0].id}`);
}
if (fetched.length) {
  failed += 1;
  console.error(`FAIL: the expansion fetched ${fetched.join(', ')}`);
}
console.log(`${triples.length} triples from ${doc['@graph'].length} nodes; ` +
  `${samples.filter((s) => s.ok).length}/${samples.length} samples found`);
process.exit(failed ? 1 : 0);
