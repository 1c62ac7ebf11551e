'use strict'
// A stand-in for an OpenTelemetry collector's OTLP/HTTP receiver, for bench/http/run.sh --telemetry: answers every
// export (POST /v1/traces, /v1/metrics, /v1/logs) with 200 and an empty protobuf message (a full success), counts the
// requests and bytes per path, and keeps nothing; GET answers the counts. Loopback only.
//   node bench/http/otlp-sink.js PORT
const http = require('node:http')
const port = Number(process.argv[2])
const seen = {}
http.createServer((request, response) => {
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(seen))
    return
  }
  const counts = seen[request.url] ??= { exports: 0, bytes: 0 }
  request.on('data', chunk => { counts.bytes += chunk.length })
  request.on('end', () => {
    counts.exports++
    response.writeHead(200, { 'content-type': 'application/x-protobuf', 'content-length': 0 })
    response.end()
  })
}).listen(port, '127.0.0.1')
