// Start to first answer, as a user sees it: spawn the service, POST one GraphQL query every few milliseconds until
// an answer with data and no errors comes back, record the time since the spawn, stop the service, repeat.
// Used by bench/startup/run.sh; prints one tab-separated line per start: variant, run, wall
// milliseconds, CPU milliseconds of the service until then.
//
//   node measure.js --runs N --data FILE --variant NAME[@FILE]:COMMAND... (repeatable; runs interleave the variants)
//
// Each variant's command is run with `sh -c "exec env COMMAND"`, with $PORT and $DATA set: DATA is a fresh copy of
// the variant's FILE, else of --data, per start (the store locks its file, and a start may rewrite it), so every
// start of a variant opens the same bytes.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const os = require('node:os');

const args = process.argv.slice(2);
let runs = 5, data = '', query = '{ role(id: "computer-and-information-research-scientists") { id name skills { skill { id name } importance } } }';
let timeoutMs = 300000; // per start: a loaded 2-core machine has taken 120 s
const variants = [];
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case '--runs': runs = Number(args[++i]); break;
    case '--data': data = args[++i]; break;
    case '--query': query = args[++i]; break;
    case '--timeout-ms': timeoutMs = Number(args[++i]); break;
    case '--variant': {
      const v = args[++i]; const colon = v.indexOf(':');
      const [name, file] = v.slice(0, colon).split('@');
      variants.push({ name, file, command: v.slice(colon + 1) });
      break;
    }
    default: console.error(`unknown option ${args[i]}`); process.exit(2);
  }
}
if (variants.length === 0 || variants.some((v) => !v.file && !data)) { console.error('needs at least one --variant NAME[@FILE]:COMMAND, and --data FILE for those without their own'); process.exit(2); }

const body = JSON.stringify({ query });

function ask(port) {
  return new Promise((resolve) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => {
        try {
          const answer = JSON.parse(text);
          resolve(response.statusCode === 200 && answer.data && !answer.errors ? answer : null);
        } catch { resolve(null); }
      });
    });
    request.on('error', () => resolve(null));
    request.setTimeout(timeoutMs, () => { request.destroy(); resolve(null); });
    request.end(body);
  });
}

// CPU time the service used so far (all its threads, user + system), from /proc: less sensitive than wall time to a
// machine loaded by others. The command is exec'd, so the child's pid is the service's.
const ticksPerSecond = 100; // USER_HZ, 100 on Linux
function cpuMilliseconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 1000 / ticksPerSecond; // utime, stime (fields 14, 15)
  } catch { return NaN; }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startOnce(variant, port, directory) {
  const source = variant.file || data;
  const copy = path.join(directory, path.basename(source));
  fs.copyFileSync(source, copy);
  const started = process.hrtime.bigint();
  const child = spawn('sh', ['-c', `exec env ${variant.command}`], {
    env: { ...process.env, PORT: String(port), DATA: copy }, stdio: ['ignore', 'ignore', 'pipe'], detached: false,
  });
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += c; });
  let exited = null;
  child.on('exit', (code) => { exited = code; });
  try {
    for (;;) {
      if (exited !== null) throw new Error(`${variant.name} exited with ${exited} before answering: ${stderr.trim()}`);
      if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs) throw new Error(`${variant.name}: no answer within ${timeoutMs} ms`);
      const answer = await ask(port);
      if (answer) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const cpuMs = cpuMilliseconds(child.pid);
        if (!answer.data.role || answer.data.role.skills.length === 0) throw new Error(`${variant.name}: unexpected answer ${JSON.stringify(answer).slice(0, 200)}`);
        return { ms, cpuMs };
      }
      await sleep(2);
    }
  } finally {
    if (exited === null) {
      const gone = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(10000)]);
      if (exited === null) { child.kill('SIGKILL'); await gone; }
    }
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
  }
}

(async () => {
  const base = 20000 + Math.floor(Math.random() * 20000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-startup-'));
  try {
    for (let run = 1; run <= runs; run++) {
      // The order rotates per run, so a noisy moment does not always fall on the same variant.
      for (let k = 0; k < variants.length; k++) {
        const variant = variants[(k + run) % variants.length];
        const directory = path.join(work, variant.name.replace(/[^A-Za-z0-9_.-]/g, '_'));
        fs.mkdirSync(directory, { recursive: true });
        const { ms, cpuMs } = await startOnce(variant, base + run * variants.length + k, directory);
        console.log(`${variant.name}\t${run}\t${ms.toFixed(0)}\t${cpuMs.toFixed(0)}`);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e.message); process.exit(1); });
