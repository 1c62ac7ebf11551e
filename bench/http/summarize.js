'use strict'
// Medians of bench/http/run.sh's runs.tsv per phase, query and server, and RoleGraph/peer ratios, as Markdown.
//   node bench/http/summarize.js runs.tsv "what was measured (commit, machine, command)"
const fs = require('node:fs')
const [file, heading = ''] = process.argv.slice(2)
const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n')
const columns = header.split('\t')
const runs = lines.map(line => Object.fromEntries(line.split('\t').map((v, i) => [columns[i], i < 4 ? v : Number(v)])))
  .filter(r => r.phase !== 'warmup')

const median = values => {
  const s = values.slice().sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const unique = key => [...new Set(runs.map(r => r[key]))]
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = us => fmt(us / 1000, us < 10000 ? 2 : 1)
const order = s => s === 'rolegraph' ? 0 : s.startsWith('peer') ? 2 : 1
const servers = unique('server').sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
const peers = servers.filter(s => s.startsWith('peer'))
const rolegraphs = servers.filter(s => !s.startsWith('peer'))

const out = []
out.push(`HTTP, wrk -t2 -c16 (medians of the rounds; ratios are RoleGraph / peer: req/s above 1 and p99, CPU below 1 favour RoleGraph)`)
if (heading) out.push(`${heading}`)
for (const phase of unique('phase')) {
  const ofPhase = runs.filter(r => r.phase === phase)
  const loads = ofPhase.map(r => r.load1)
  out.push('', `### ${phase === 'hog' ? 'With a CPU hog (yes, pinned to one core) beside both' : 'Without a hog'}: ${new Set(ofPhase.map(r => r.round)).size} rounds, load average (1 min) ${fmt(Math.min(...loads), 2)}–${fmt(Math.max(...loads), 2)}, median ${fmt(median(loads), 2)}`, '')
  out.push('| query | server | req/s | p50 ms | p99 ms | server CPU µs/req | errors |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |')
  const m = {}
  for (const query of unique('query')) {
    for (const server of servers) {
      const rs = ofPhase.filter(r => r.query === query && r.server === server)
      if (!rs.length) continue
      const row = { rps: median(rs.map(r => r.req_s)), p50: median(rs.map(r => r.p50_us)), p99: median(rs.map(r => r.p99_us)), cpu: median(rs.map(r => r.cpu_us_per_req)), errors: rs.reduce((a, r) => a + r.errors, 0) }
      m[`${query}|${server}`] = row
      out.push(`| ${query} | ${server} | ${fmt(row.rps)} | ${ms(row.p50)} | ${ms(row.p99)} | ${fmt(row.cpu, 1)} | ${row.errors} |`)
    }
  }
  const variants = rolegraphs.filter(s => s !== 'rolegraph')
  if (variants.length) {
    out.push('', '| query | variant | req/s ÷ rolegraph | p50 ÷ rolegraph | p99 ÷ rolegraph | CPU/req ÷ rolegraph |', '| --- | --- | ---: | ---: | ---: | ---: |')
    for (const query of unique('query')) {
      const base = m[`${query}|rolegraph`]
      for (const v of variants) {
        const a = m[`${query}|${v}`]
        if (!a || !base) continue
        out.push(`| ${query} | ${v} | ${fmt(a.rps / base.rps, 3)} | ${fmt(a.p50 / base.p50, 3)} | ${fmt(a.p99 / base.p99, 3)} | ${fmt(a.cpu / base.cpu, 3)} |`)
      }
    }
  }
  if (!peers.length) continue
  out.push('', `| query | RoleGraph server | ${peers.map(p => `req/s ÷ ${p}`).join(' | ')} | ${peers.map(p => `p99 ÷ ${p}`).join(' | ')} | ${peers.map(p => `CPU/req ÷ ${p}`).join(' | ')} |`)
  out.push(`| --- | --- | ${Array(peers.length * 3).fill('---:').join(' | ')} |`)
  for (const query of unique('query')) {
    for (const rg of rolegraphs) {
      const a = m[`${query}|${rg}`]
      if (!a) continue
      const ratio = (key) => peers.map(p => m[`${query}|${p}`] ? fmt(a[key] / m[`${query}|${p}`][key], 2) : '–')
      out.push(`| ${query} | ${rg} | ${ratio('rps').join(' | ')} | ${ratio('p99').join(' | ')} | ${ratio('cpu').join(' | ')} |`)
    }
  }
}
console.log(out.join('\n'))
