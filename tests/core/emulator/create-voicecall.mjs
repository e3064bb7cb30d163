// An independent client for the emulator: signs its own RS256 API token with Node's built-in crypto and creates a
// VoiceCall with the built-in fetch. No npm packages. Used by test_emulator_interop.
//
// Environment: HANDOFF_URL (the voiceCalls endpoint), HANDOFF_KEY (PEM private key file), HANDOFF_ORG (iss),
// HANDOFF_CALL_CENTER (sub and callCenterApiName). For HTTPS, NODE_EXTRA_CA_CERTS names the emulator's certificate.
// Prints the HTTP status and the response body as one JSON line; exit code 0 when a VoiceCall id came back.
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
};

const base64url = (data) => Buffer.from(data).toString('base64url');

const url = env('HANDOFF_URL');
const key = createPrivateKey(readFileSync(env('HANDOFF_KEY')));
const org = env('HANDOFF_ORG');
const callCenter = env('HANDOFF_CALL_CENTER');

const iat = Math.floor(Date.now() / 1000);
const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
const payload = base64url(JSON.stringify({ iat, exp: iat + 300, iss: org, sub: callCenter, jti: randomUUID() }));
const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key).toString('base64url');
const token = `${header}.${payload}.${signature}`;

const body = {
  callCenterApiName: callCenter,
  vendorCallKey: randomUUID(),
  to: '+14155550100',
  from: '+14155550199',
  initiationMethod: 'Inbound',
  startTime: new Date().toISOString(),
  participants: [{ participantKey: '+14155550199', type: 'END_USER' }],
  callAttributes: JSON.stringify({ Department__c: 'Support' }),
};

const response = await fetch(url, {
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const text = await response.text();
let parsed = null;
try {
  parsed = JSON.parse(text);
} catch {
  parsed = text;
}
console.log(JSON.stringify({ status: response.status, body: parsed }));
process.exit(parsed && typeof parsed === 'object' && parsed.voiceCallId ? 0 : 1);
