'use strict'
// A peer for RoleGraph's HTTP benchmark (bench/http/run.sh): fastify + mercurius, documents compiled by graphql-jit,
// serving the graph of a RoleGraph export (`RoleGraph.Api export --format json`) from memory, with the subset of
// RoleGraph's schema the benchmark asks for: role { skills }, overlap, search. Same field names, same answers
// (run.sh compares them with RoleGraph's before measuring), the same orders and search ranking.
//
//   node mercurius.js GRAPH.json PORT [WORKERS]     WORKERS > 1: node:cluster, the workers share the port
//
// Loopback only. Plain code a Node team would write: objects and arrays in memory, sorting per request as RoleGraph does.
const cluster = require('node:cluster')
const fs = require('node:fs')

const [file, portText, workersText] = process.argv.slice(2)
const port = Number(portText)
const workers = Number(workersText || 1)
if (!file || !port) {
  console.error('usage: node mercurius.js GRAPH.json PORT [WORKERS]')
  process.exit(2)
}

async function start () {
  const graph = load(file)
  const Fastify = require('fastify')
  const mercurius = require('mercurius')
  const app = Fastify({ logger: false })
  await app.register(mercurius, { schema, resolvers: resolvers(graph), jit: 1, graphiql: false })
  await app.listen({ host: '127.0.0.1', port })
  if (cluster.isWorker) process.send('ready')
  else console.log(`peer: listening on 127.0.0.1:${port}`)
  process.on('SIGTERM', () => process.exit(0))
}

const schema = `
  interface Node { id: ID! name: String! }
  enum NodeKind { CATEGORY RESPONSIBILITY ROLE SKILL TOOL }
  enum SearchMatch { EXACT PREFIX SUBSTRING TOKEN }
  type Role implements Node { id: ID! name: String! kind: NodeKind! description: String aliases: [String!]! skills: [RoleSkill!]! tools: [RoleTool!]! }
  type Skill implements Node { id: ID! name: String! kind: NodeKind! description: String aliases: [String!]! }
  type Tool implements Node { id: ID! name: String! kind: NodeKind! description: String aliases: [String!]! }
  type Responsibility implements Node { id: ID! name: String! kind: NodeKind! description: String aliases: [String!]! }
  type Category implements Node { id: ID! name: String! kind: NodeKind! description: String aliases: [String!]! }
  type RoleSkill { importance: Float level: Float role: Role! skill: Skill! }
  type RoleTool { importance: Float role: Role! tool: Tool! }
  type Overlap { jaccard: Float! kinds: [NodeKind!]! roles: [Role!]! skills: [Skill!]! tools: [Tool!]! responsibilities: [Responsibility!]! }
  type SearchHit { kind: NodeKind! match: SearchMatch! matchedText: String! node: Node! }
  type Query {
    role(id: ID!): Role
    overlap(roleIds: [ID!]!, kinds: [NodeKind!]): Overlap
    search(text: String!, first: Int = 20, kinds: [NodeKind!]): [SearchHit!]
  }
`

const MATCH = ['EXACT', 'PREFIX', 'TOKEN', 'SUBSTRING'] // best first, as RoleGraph ranks them
const NO_MATCH = 4
const RELATION = { SKILL: 'REQUIRES', TOOL: 'USES', RESPONSIBILITY: 'RESPONSIBLE_FOR' }

function load (path) {
  const document = JSON.parse(fs.readFileSync(path, 'utf8'))
  const nodes = document.nodes.map(n => ({
    id: n.id,
    name: n.name,
    kind: n.kind.toUpperCase(),
    description: n.description ?? null,
    aliases: n.aliases ?? [],
    lowerName: n.name.toLowerCase(),
    lowerAliases: (n.aliases ?? []).map(a => a.toLowerCase()),
    out: [],
    rank: 0
  }))
  // Name order as RoleGraph's: lower-cased name (ordinal), then id (ordinal).
  const order = nodes.slice().sort((a, b) => cmp(a.lowerName, b.lowerName) || cmp(a.id, b.id))
  order.forEach((n, i) => { n.rank = i })
  const byId = new Map(nodes.map(n => [n.id, n]))
  for (const link of document.links) {
    const from = byId.get(link.from)
    from.out.push({ relation: link.relation, node: byId.get(link.to), importance: link.importance ?? null, level: link.level ?? null })
  }
  return { nodes, byId }
}

function cmp (a, b) { return a < b ? -1 : a > b ? 1 : 0 }

function resolvers (graph) {
  const role = id => {
    const node = graph.byId.get(id)
    return node && node.kind === 'ROLE' ? node : null
  }
  const linked = (node, relation, field) => node.out
    .filter(l => l.relation === relation)
    .sort((a, b) => ((b.importance ?? 1) - (a.importance ?? 1)) || (a.node.rank - b.node.rank))
    .map(l => ({ importance: l.importance, level: l.level, role: node, [field]: l.node }))
  return {
    Node: { resolveType: node => node.kind.charAt(0) + node.kind.slice(1).toLowerCase() },
    Role: {
      skills: node => linked(node, 'REQUIRES', 'skill'),
      tools: node => linked(node, 'USES', 'tool')
    },
    Query: {
      role: (_, { id }) => role(id),
      overlap: (_, { roleIds, kinds }) => overlap(roleIds.map(id => {
        const node = role(id)
        if (!node) throw new Error(`No role with id ${id}`)
        return node
      }), kinds && kinds.length ? kinds : ['SKILL', 'TOOL', 'RESPONSIBILITY']),
      search: (_, { text, first, kinds }) => search(graph, text, first, kinds)
    }
  }
}

function overlap (roles, kinds) {
  const result = { roles, kinds, skills: [], tools: [], responsibilities: [], jaccard: 0 }
  let shared = 0
  let union = 0
  for (const kind of ['SKILL', 'TOOL', 'RESPONSIBILITY']) {
    if (!kinds.includes(kind)) continue
    const holders = new Map()
    for (const role of roles) {
      const seen = new Set(role.out.filter(l => l.relation === RELATION[kind]).map(l => l.node))
      for (const node of seen) holders.set(node, (holders.get(node) || 0) + 1)
    }
    const all = [...holders].filter(([, count]) => count === roles.length).map(([node]) => node).sort((a, b) => a.rank - b.rank)
    result[kind === 'SKILL' ? 'skills' : kind === 'TOOL' ? 'tools' : 'responsibilities'] = all
    shared += all.length
    union += holders.size
  }
  result.jaccard = union === 0 ? 0 : shared / union
  return result
}

function classify (candidate, needle) {
  if (candidate.length === needle.length) return candidate === needle ? 0 : NO_MATCH
  let at = candidate.indexOf(needle)
  if (at < 0) return NO_MATCH
  if (at === 0) return 1
  for (; at > 0; at = candidate.indexOf(needle, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(candidate[at - 1])) return 2
  }
  return 3
}

function search (graph, text, first, kinds) {
  const needle = text.trim().toLowerCase()
  if (!needle) throw new Error('text must not be blank')
  const wanted = kinds && kinds.length ? new Set(kinds) : null
  const hits = []
  for (const node of graph.nodes) {
    if (wanted && !wanted.has(node.kind)) continue
    let best = classify(node.lowerName, needle)
    let matched = node.name
    let onAlias = false
    for (let a = 0; a < node.lowerAliases.length && best !== 0; a++) {
      const match = classify(node.lowerAliases[a], needle)
      if (match < best) { best = match; matched = node.aliases[a]; onAlias = true }
    }
    if (best !== NO_MATCH) hits.push({ node, best, onAlias, matched })
  }
  hits.sort((x, y) => (x.best - y.best) || (x.onAlias - y.onAlias) || (x.node.rank - y.node.rank))
  return hits.slice(0, first).map(h => ({ kind: h.node.kind, match: MATCH[h.best], matchedText: h.matched, node: h.node }))
}

// Last, once every constant above is initialised.
if (workers > 1 && cluster.isPrimary) {
  const children = []
  for (let i = 0; i < workers; i++) children.push(cluster.fork())
  let ready = 0
  cluster.on('message', (_, message) => {
    if (message === 'ready' && ++ready === workers) console.log(`peer: ${workers} workers listening on 127.0.0.1:${port}`)
  })
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      console.error(`peer: worker ${worker.process.pid} exited with ${code}`)
      process.exit(1)
    }
  })
  let stopping = false
  const stop = () => {
    stopping = true
    for (const child of children) child.process.kill('SIGTERM')
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
} else {
  start().catch(error => {
    console.error(error)
    process.exit(1)
  })
}
