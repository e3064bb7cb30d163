'use strict';
// Genesys Cloud Function Data Action: creates a Salesforce VoiceCall through the voiceCalls API and mints the UUI
// token for the SIP transfer. Written by Handoff Studio (`handoff export function`); see README.md beside src/.
//
// Node 18 APIs only: the built-in `crypto` module and the global `fetch`. No npm dependencies.
// It restates the rules of Handoff Studio's core in JavaScript (request body, 15 -> 18 character ids, token claims,
// the `tel:` prefix); Handoff Studio's tests compare the body it sends with the one the core builds.
// It never logs the private key or a token.

const crypto = require('crypto');

// The project's settings at export time: token policies, whether `sub` is sent, the action's timeout.
const POLICY = __HANDOFF_POLICY__;

const E164 = /^\+[1-9][0-9]{1,14}$/;
const ID_SUFFIX_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
// Time kept back from the action's timeout to return an answer before Genesys gives up on the function.
const MARGIN_MS = 500;

class ActionError extends Error {}

function base64url(bytes) {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

// A PEM private key in any of the forms an integration credential holds: real line breaks, the two characters
// `\n` where the breaks were, or one line with spaces or no breaks at all.
function normalisePem(text) {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ActionError('The integration credential "privateKey" is empty: paste the PEM private key whose '
      + 'certificate is registered in Salesforce into the Function Data Action integration\'s credentials.');
  }
  const pem = text.replace(/\\r/g, '').replace(/\\n/g, '\n').replace(/\r/g, '');
  const match = pem.match(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/);
  if (!match) {
    throw new ActionError('The credential "privateKey" is not a PEM private key (no -----BEGIN ...----- / '
      + '-----END ...----- lines): paste the whole key file.');
  }
  const label = match[1];
  if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(match[2])) {
    throw new ActionError('The credential "privateKey" is an encrypted key; the function has no passphrase. Store '
      + 'the unencrypted key (openssl pkey -in key.pem -out plain.pem) in the integration\'s credentials.');
  }
  if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY') {
    throw new ActionError(`The credential "privateKey" holds a "${label}", not an RSA private key.`);
  }
  const body = match[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(body)) {
    throw new ActionError('The credential "privateKey" has characters that are not base64 between its BEGIN and '
      + 'END lines: paste the key file unchanged.');
  }
  return `-----BEGIN ${label}-----\n${body.match(/.{1,64}/g).join('\n')}\n-----END ${label}-----\n`;
}

function loadKey(text) {
  const pem = normalisePem(text);
  let key;
  try {
    key = crypto.createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new ActionError('The credential "privateKey" cannot be read as a private key (damaged or cut short): '
      + 'paste the whole key file again.');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new ActionError(`The credential "privateKey" is a ${key.asymmetricKeyType} key; RS256 needs an RSA key.`);
  }
  return key;
}

// The 18-character case-safe form of a 15-character Salesforce id; an 18-character id passes unchanged.
function caseSafeId(id) {
  if (/^[A-Za-z0-9]{18}$/.test(id)) {
    return id;
  }
  if (!/^[A-Za-z0-9]{15}$/.test(id)) {
    throw new ActionError(`"${id}" is not a 15- or 18-character Salesforce id.`);
  }
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id[chunk * 5 + i];
      if (c >= 'A' && c <= 'Z') {
        bits |= 1 << i;
      }
    }
    suffix += ID_SUFFIX_CHARACTERS[bits];
  }
  return id + suffix;
}

// The org id as the token's `iss`: the 15-character form.
function orgId15(input) {
  const id = String(input ?? '').trim();
  if (!/^00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(id)) {
    throw new ActionError(`salesforceOrgId "${id}" is not an org id (15 or 18 characters starting with 00D).`);
  }
  const id15 = id.slice(0, 15);
  if (id.length === 18 && caseSafeId(id15) !== id) {
    throw new ActionError(`salesforceOrgId "${id}": the last 3 characters do not match the case of the first 15; `
      + 'copy the id from Salesforce Setup again.');
  }
  return id15;
}

// A number as the voiceCalls API gets it: Genesys' `tel:+1...` and `sip:+1...@host` forms lose their prefix; a
// +country-code number loses spaces, dashes, dots and brackets; anything else is sent as it came.
function normaliseNumber(input) {
  let text = String(input ?? '').trim();
  for (const scheme of ['tel:', 'sips:', 'sip:']) {
    if (text.toLowerCase().startsWith(scheme)) {
      text = text.slice(scheme.length);
      const at = text.indexOf('@');
      if (at >= 0) {
        text = text.slice(0, at);
      }
      const parameters = text.indexOf(';');
      if (parameters >= 0) {
        text = text.slice(0, parameters);
      }
      text = text.trim();
      break;
    }
  }
  if (E164.test(text)) {
    return text;
  }
  if (text.startsWith('+')) {
    const compact = '+' + text.slice(1).replace(/[\s().\-]/g, '');
    if (E164.test(compact)) {
      return compact;
    }
  }
  return text;
}

// `callAttributes` arrives as the text of a JSON object and is sent as a string holding that object, every value a
// string (a number or boolean is sent as its JSON text).
function callAttributesText(input) {
  const text = String(input ?? '').trim();
  if (text === '') {
    return '';
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ActionError('callAttributes is not JSON: give a JSON object such as {"Department__c":"Support"} '
      + '(double quotes, not single).');
  }
  if (typeof parsed === 'string') {
    return callAttributesText(parsed);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ActionError('callAttributes must be a JSON object such as {"Department__c":"Support"}.');
  }
  const out = {};
  for (const [field, value] of Object.entries(parsed)) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) {
      throw new ActionError(`callAttributes: "${field}" is not a field API name (letters, digits and underscores).`);
    }
    out[field] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return Object.keys(out).length === 0 ? '' : JSON.stringify(out);
}

function voiceCallsUrl(input) {
  let text = String(input ?? '').trim();
  if (text === '') {
    throw new ActionError('scrtBaseUrl is empty: give <MyDomain>.my.salesforce-scrt.com/telephony/v1.');
  }
  if (!/^[A-Za-z][A-Za-z0-9+.\-]*:\/\//.test(text)) {
    text = 'https://' + text;
  }
  let url;
  try {
    url = new URL(text);
  } catch (error) {
    throw new ActionError(`scrtBaseUrl "${input}" is not a URL: give <MyDomain>.my.salesforce-scrt.com/telephony/v1.`);
  }
  const host = url.hostname.toLowerCase();
  const loopback = host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
  if (url.protocol === 'http:' && !loopback) {
    throw new ActionError(`scrtBaseUrl "${input}" is plain http; use https (http is allowed only to this computer, `
      + 'for an emulator).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ActionError(`scrtBaseUrl "${input}" is neither https nor http.`);
  }
  if (!loopback && !host.endsWith('.salesforce-scrt.com')) {
    throw new ActionError(`scrtBaseUrl "${input}" is not an SCRT2 address (<MyDomain>.my.salesforce-scrt.com); `
      + 'the token is sent only there.');
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith('/voiceCalls')) {
    path = path.slice(0, -'/voiceCalls'.length);
  }
  if (!path.endsWith('/telephony/v1')) {
    path += '/telephony/v1';
  }
  return `${url.protocol}//${url.host}${path}/voiceCalls`;
}

// The request body, fields in the documented order (as Handoff Studio's core writes them).
function requestBody(event, startTime) {
  const missing = ['callCenterApiName', 'vendorCallKey', 'to', 'from']
    .filter((name) => String(event[name] ?? '').trim() === '');
  if (missing.length > 0) {
    throw new ActionError(`Missing input(s): ${missing.join(', ')}. Map them in the Call Data Action.`);
  }
  const from = normaliseNumber(event.from);
  const body = {
    callCenterApiName: String(event.callCenterApiName).trim(),
    vendorCallKey: String(event.vendorCallKey).trim(),
    to: normaliseNumber(event.to),
    from,
    initiationMethod: 'Inbound',
    startTime: startTime.toISOString(),
    participants: [{ participantKey: from, type: 'END_USER' }],
  };
  const attributes = callAttributesText(event.callAttributes);
  if (attributes !== '') {
    body.callAttributes = attributes;
  }
  return JSON.stringify(body);
}

// Claims in the order iat, exp, iss, sub, jti.
function sign(key, policy, issuer, subject, nowMs) {
  const iat = Math.floor(nowMs / 1000);
  const claims = { iat, exp: iat + policy.ttlSeconds, iss: issuer };
  if (POLICY.includeSubject) {
    claims.sub = subject;
  }
  if (policy.jti) {
    claims.jti = crypto.randomUUID();
  }
  const input = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' })) + '.' + base64url(JSON.stringify(claims));
  return input + '.' + base64url(crypto.sign('sha256', Buffer.from(input), key));
}

function retryAfterSeconds(header) {
  if (header === null || header === undefined) {
    return null;
  }
  const text = String(header).trim();
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function errorDetail(text, data) {
  if (data && typeof data === 'object') {
    const list = Array.isArray(data) ? data : (Array.isArray(data.errors) ? data.errors : null);
    if (list && list.length > 0) {
      return list.map((e) => [e.errorCode, e.message].filter(Boolean).join(': ')).join('; ');
    }
    if (typeof data.errors === 'string' && data.errors !== '') {
      return data.errors;
    }
    if (typeof data.message === 'string') {
      return data.message;
    }
  }
  return String(text).slice(0, 200);
}

function statusHint(status) {
  if (status === 400) {
    return 'Check the inputs the Call Data Action passes (numbers, callAttributes field names).';
  }
  if (status === 401 || status === 403) {
    return 'Check that the key\'s certificate is registered in Salesforce for this org and call center, and that '
      + 'salesforceOrgId and callCenterApiName are right.';
  }
  if (status === 404) {
    return 'Check scrtBaseUrl (<MyDomain>.my.salesforce-scrt.com/telephony/v1).';
  }
  if (status >= 500) {
    return 'Salesforce failed; the VoiceCall may or may not exist. Try a later call.';
  }
  return '';
}

async function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function createVoiceCall(event) {
  const started = Date.now();
  const deadline = started + POLICY.timeoutSeconds * 1000 - MARGIN_MS;
  const key = loadKey(event.privateKey);
  const issuer = orgId15(event.salesforceOrgId);
  const subject = String(event.callCenterApiName ?? '').trim();
  const url = voiceCallsUrl(event.scrtBaseUrl);
  const body = requestBody(event, new Date(started));

  for (let attempt = 1; ; attempt++) {
    // A fresh API token for every request: Salesforce refuses a second use of a jti.
    const apiToken = sign(key, POLICY.apiToken, issuer, subject, Date.now());
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.max(1, deadline - Date.now()));
    let response;
    let text;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Authorization': `Bearer ${apiToken}`, 'Content-Type': 'application/json' },
        body,
        redirect: 'error',
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      const code = error && error.cause && error.cause.code;
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        throw new ActionError(`Could not connect to ${url} (${code}); nothing was sent. Check scrtBaseUrl.`);
      }
      if (controller.signal.aborted) {
        throw new ActionError(`No answer from voiceCalls within the action's ${POLICY.timeoutSeconds} s. The `
          + 'VoiceCall may have been created, so the request was not sent again.');
      }
      throw new ActionError('The connection to voiceCalls was lost before an answer came. The VoiceCall may have '
        + 'been created, so the request was not sent again.');
    } finally {
      clearTimeout(timer);
    }

    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      data = undefined;
    }

    if (response.status === 429) {
      const wait = retryAfterSeconds(response.headers.get('retry-after'));
      if (attempt === 1 && wait !== null && Date.now() + wait * 1000 < deadline - 1000) {
        await sleep(wait * 1000);
        continue;
      }
      const why = attempt > 1 ? 'again after one retry' : (wait === null ? 'without Retry-After'
        : `with Retry-After ${wait} s, longer than the action's ${POLICY.timeoutSeconds} s timeout allows`);
      throw new ActionError(`Salesforce limited the request (HTTP 429) ${why}; no VoiceCall was created. `
        + 'Route the call to the failure path and try later.');
    }

    if (response.status === 200 || response.status === 201) {
      if (!data || typeof data !== 'object') {
        throw new ActionError(`voiceCalls answered HTTP ${response.status} with a body that is not JSON; the `
          + 'VoiceCall may exist. Check the endpoint (scrtBaseUrl).');
      }
      const id = data.voiceCallId;
      if (typeof id !== 'string' || !/^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/.test(id)) {
        throw new ActionError(`voiceCalls answered HTTP ${response.status} without a voiceCallId: `
          + errorDetail(text, data));
      }
      let warning = '';
      if (typeof data.errors === 'string') {
        warning = data.errors;
      } else if (Array.isArray(data.errors) && data.errors.length > 0) {
        warning = errorDetail(text, data);
      }
      return {
        voiceCallId: caseSafeId(id),
        uuiToken: sign(key, POLICY.uuiToken, issuer, subject, Date.now()),
        warning,
      };
    }

    const hint = statusHint(response.status);
    const detail = errorDetail(text, data).replace(/\.+$/, '');
    throw new ActionError(`voiceCalls refused the request (HTTP ${response.status}): ${detail}.`
      + (hint ? ' ' + hint : ''));
  }
}

exports.handler = async (event, context, callback) => {
  try {
    return await createVoiceCall(event || {});
  } catch (error) {
    // Only the message goes out: it never holds the key or a token.
    throw new Error(error instanceof ActionError ? error.message : `Unexpected failure: ${error && error.message}`);
  }
};
