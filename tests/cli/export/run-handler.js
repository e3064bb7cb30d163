'use strict';
// Test-only: runs an exported Function Data Action the way Genesys calls it, with Node's own runtime.
// Usage: node run-handler.js DIR   (DIR holds the unzipped package; the event is JSON on standard input)
// Prints one line "RESULT {...}": {"ok":true,"output":{...}} or {"ok":false,"error":"message"}.
const fs = require('fs');
const path = require('path');

const { handler } = require(path.resolve(process.argv[2], 'src', 'index.js'));
const event = JSON.parse(fs.readFileSync(0, 'utf8'));
const context = { clientContext: {} };
let callbackCalls = 0;
const callback = () => { callbackCalls += 1; };

handler(event, context, callback).then(
  (output) => process.stdout.write('RESULT ' + JSON.stringify({ ok: true, output, callbackCalls }) + '\n'),
  (error) => process.stdout.write('RESULT ' + JSON.stringify({ ok: false, error: String(error && error.message),
    isError: error instanceof Error, callbackCalls }) + '\n'));
