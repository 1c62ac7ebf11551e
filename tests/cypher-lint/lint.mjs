// Lints Cypher statements with Neo4j's Cypher language support (the parser and semantic analysis of Neo4j's own
// front end, compiled to JavaScript), so a statement the server would reject fails a test instead of a deployment.
//
// stdin:  {"statements": [{"name", "text"}], "labels": [], "relationshipTypes": [], "propertyKeys": [],
//          "parameters": {name: value}?}
// stdout: {"linter": {"name", "version"}, "results": [{"name", "parameters": [], "diagnostics":
//          [{"severity", "message", "line", "column", "offset"}], "suppressed": [{"message", "reason"}]}]}
// Lines and columns are 1-based, offsets 0-based. Exit code 0 whatever the diagnostics; non-zero only when the
// input cannot be read.

import { readFileSync } from 'node:fs';
import {
  lintCypherQuery,
  parseParameters,
  parseStatementsStrs,
  testData,
} from '@neo4j-cypher/language-support';

const packageJson = JSON.parse(
  readFileSync(new URL('./node_modules/@neo4j-cypher/language-support/package.json', import.meta.url), 'utf8'),
);

// Neo4j 5.26 and 2025.x run Cypher 5 unless a statement says otherwise.
const cypherVersion = 'CYPHER 5';

// The package ships no separate catalogue of functions and procedures: the only one is the snapshot of a Neo4j 5
// server it tests against (testData.mockSchema), which also lists APOC and GDS. A plain Neo4j server has neither,
// so only Neo4j's own built-ins count as known.
const builtInProcedurePrefixes = ['db.', 'dbms.', 'tx.', 'cdc.'];

function builtInsOf(registry) {
  const result = {};
  for (const [version, entries] of Object.entries(registry)) {
    result[version] = Object.fromEntries(
      Object.entries(entries).filter(([name, entry]) =>
        'isBuiltIn' in entry ? entry.isBuiltIn === true : builtInProcedurePrefixes.some((p) => name.startsWith(p)),
      ),
    );
  }
  return result;
}

const functions = builtInsOf(testData.mockSchema.functions);
const procedures = builtInsOf(testData.mockSchema.procedures);

const severities = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function lintOne({ name, text }, input) {
  const diagnostics = [];

  // The HTTP API runs each statement string as one query; a second one would be refused by the server.
  const parts = parseStatementsStrs(text);
  if (parts.length > 1) {
    diagnostics.push({
      severity: 'error',
      message: `Holds ${parts.length} statements; the store sends exactly one per entry.`,
      line: 1,
      column: 1,
      offset: 0,
    });
  }

  // Parameters are values the store supplies at run time, so each one the statement uses is declared (the
  // linter only checks that a name is declared, not its value), unless the caller gave explicit ones.
  const used = parseParameters(text, false);
  const parameters = { ...Object.fromEntries(used.map((p) => [p, null])), ...(input.parameters ?? {}) };

  const dbSchema = {
    labels: input.labels ?? [],
    relationshipTypes: input.relationshipTypes ?? [],
    propertyKeys: input.propertyKeys ?? [],
    parameters,
    functions,
    procedures,
    defaultLanguage: cypherVersion,
  };

  const { diagnostics: found, symbolTables } = lintCypherQuery(text, dbSchema, { consoleCommandsEnabled: false });
  const symbols = symbolTables.flat();
  const suppressed = [];
  for (const d of found) {
    const reason = misattributedProperty(d, text, symbols);
    if (reason) {
      suppressed.push({ message: d.message, reason });
      continue;
    }

    diagnostics.push({
      severity: severities[d.severity] ?? `severity ${d.severity}`,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      offset: d.offsets?.start ?? null,
    });
  }

  return { name, parameters: used, diagnostics, suppressed };
}

// The linter's property check attributes every property key inside a node or relationship pattern's map to the
// pattern's variable, so in (a:Node {id: row.fromId}) it reports fromId, a key of the UNWIND row map, as a
// property missing from the database. Its own rule is to check only properties of nodes and relationships; this
// applies that rule to the variable the key is really read from, and keeps the warning when that one is a node or
// relationship, as in (a:Node {id: b.typo}).
function misattributedProperty(diagnostic, text, symbols) {
  const property = /^(\S+) is not present in the database\./.exec(diagnostic.message);
  if (diagnostic.severity !== 2 || !property || diagnostic.offsets === undefined) {
    return null;
  }

  const access = /(`[^`]+`|[\p{L}_][\p{L}\p{N}_]*)\s*\.\s*$/u.exec(text.slice(0, diagnostic.offsets.start));
  if (!access) {
    return null;
  }

  const variable = access[1].replace(/^`|`$/g, '');
  const symbol = symbols.find((s) => s.variable === variable);
  if (!symbol || symbol.types.length === 0 || symbol.types.every((t) => t === 'Node' || t === 'Relationship')) {
    return null;
  }

  return `${property[1]} is read from ${variable} (${symbol.types.join(' | ')}), not from a node or relationship.`;
}

const input = JSON.parse(readFileSync(0, 'utf8'));
if (!Array.isArray(input.statements)) {
  process.stderr.write('Expected {"statements": [{"name", "text"}], ...} on stdin.\n');
  process.exit(2);
}

const results = input.statements.map((statement) => lintOne(statement, input));
process.stdout.write(
  JSON.stringify({ linter: { name: packageJson.name, version: packageJson.version }, results }, null, 2) + '\n',
);
