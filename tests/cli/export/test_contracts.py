#!/usr/bin/env python3
"""Independent checks of `handoff export contracts` (issue 10 item 3), without Handoff Studio's own code:

- both contracts pass JSON Schema meta-validation by python3-jsonschema (draft 4, the draft they declare);
- the request template, rendered the way Genesys' Velocity `$esc.jsonString` escapes values (implemented here from
  its definition: backslash, quote and slash escaped, control characters as \\b \\f \\n \\r \\t or \\uXXXX, and
  characters outside ASCII as \\uXXXX), gives JSON that Python's json module reads back to exactly the values put in,
  including callAttributes {"Department__c":"Support"} and a PEM key with real line breaks;
- the rendered body, without the credential, is valid against the input contract.

Usage: test_contracts.py HANDOFF_CLI SAMPLE_PROJECT TEST_DATA_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

import jsonschema

HANDOFF, SAMPLE, TEST_DATA = sys.argv[1:4]
del sys.argv[1:4]


def velocity_json_string(value: str) -> str:
    out = []
    for ch in value:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == '\\':
            out.append('\\\\')
        elif ch == '/':
            out.append('\\/')
        elif ch == '\b':
            out.append('\\b')
        elif ch == '\f':
            out.append('\\f')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\r':
            out.append('\\r')
        elif ch == '\t':
            out.append('\\t')
        elif code < 0x20 or code > 0x7e:
            if code > 0xffff:  # a UTF-16 surrogate pair, as Java strings hold it
                code -= 0x10000
                out.append('\\u%04X\\u%04X' % (0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff)))
            else:
                out.append('\\u%04X' % code)
        else:
            out.append(ch)
    return ''.join(out)


REFERENCE = re.compile(r'\$esc\.jsonString\(\$!\{(input|credentials)\.([A-Za-z][A-Za-z0-9_-]*)\}\)')


def render(template: str, inputs: dict, credentials: dict) -> str:
    def replace(match):
        source = inputs if match.group(1) == 'input' else credentials
        return velocity_json_string(source.get(match.group(2), ''))  # $! renders a missing value as empty
    rendered = REFERENCE.sub(replace, template)
    if '$' in REFERENCE.sub('', template):
        raise AssertionError('the template has a reference this renderer does not know: ' + template)
    return rendered


class ContractsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        run = subprocess.run([HANDOFF, 'export', 'contracts', SAMPLE, '--out-dir', cls.dir.name],
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise AssertionError('handoff export contracts failed: ' + run.stderr)
        cls.files = {}
        for name in ('input-contract.json', 'output-contract.json', 'request-template.vm', 'configuration.json'):
            with open(os.path.join(cls.dir.name, name), encoding='utf-8') as f:
                cls.files[name] = f.read()
        with open(SAMPLE, encoding='utf-8') as f:
            cls.sample = json.load(f)
        with open(os.path.join(TEST_DATA, 'rsa2048-pkcs8-test-only.pem'), encoding='utf-8') as f:
            cls.pem = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def sample_inputs(self):
        org = self.sample['environments'][0]['org']
        return {
            'to': '+18005550100',
            'from': 'tel:+14155550199',
            'callCenterApiName': org['callCenterApiName'],
            'scrtBaseUrl': org['scrt2Domain'] + '/telephony/v1',
            'salesforceOrgId': org['orgId'],
            'callAttributes': '{"Department__c":"Support"}',
            'vendorCallKey': '5b7a1c2e-8f3d-4e6a-9b0c-1d2e3f4a5b6c',
        }

    def test_contracts_pass_meta_validation(self):
        for name in ('input-contract.json', 'output-contract.json'):
            schema = json.loads(self.files[name])
            self.assertEqual(schema.get('$schema'), 'http://json-schema.org/draft-04/schema#', name)
            jsonschema.Draft4Validator.check_schema(schema)
            # and the newest draft this jsonschema knows accepts it too
            jsonschema.validators.validator_for({}).check_schema(schema)

    def test_meta_validation_catches_a_broken_schema(self):
        broken = json.loads(self.files['input-contract.json'])
        broken['properties']['to']['type'] = 'text'  # not a JSON Schema type
        with self.assertRaises(jsonschema.exceptions.SchemaError):
            jsonschema.Draft4Validator.check_schema(broken)

    def test_input_contract_shape(self):
        schema = json.loads(self.files['input-contract.json'])
        self.assertEqual(schema['type'], 'object')
        self.assertIs(schema['additionalProperties'], False)
        names = set(schema['properties'])
        self.assertEqual(names, {'to', 'from', 'callCenterApiName', 'scrtBaseUrl', 'salesforceOrgId',
                                 'callAttributes', 'vendorCallKey'})
        for name, prop in schema['properties'].items():
            self.assertEqual(prop['type'], 'string', name)
            self.assertRegex(name, r'^[A-Za-z][A-Za-z0-9_-]*$')
        self.assertFalse(names & {'orgId', 'integrationId', 'rawRequest', 'privateKey'})

    def test_output_contract_shape(self):
        schema = json.loads(self.files['output-contract.json'])
        self.assertEqual(set(schema['properties']), {'voiceCallId', 'uuiToken', 'warning'})
        self.assertIs(schema['additionalProperties'], False)

    def test_rendered_template_is_json_with_the_values(self):
        inputs = self.sample_inputs()
        rendered = render(self.files['request-template.vm'], inputs, {'privateKey': self.pem})
        body = json.loads(rendered)
        expected = dict(inputs)
        expected['privateKey'] = self.pem
        self.assertEqual(body, expected)
        self.assertEqual(json.loads(body['callAttributes']), {'Department__c': 'Support'})
        # Without the credential the body is what the input contract describes.
        del body['privateKey']
        jsonschema.Draft4Validator(json.loads(self.files['input-contract.json'])).validate(body)

    def test_rendered_template_survives_hard_values(self):
        inputs = self.sample_inputs()
        inputs['callAttributes'] = '{"Subject__c":"say \\"hi\\" / \\\\ back\\n","Name__c":"Zoë 😀"}'
        inputs['from'] = '"quoted" \t tab'
        body = json.loads(render(self.files['request-template.vm'], inputs, {'privateKey': 'a\r\nb'}))
        self.assertEqual(body['callAttributes'], inputs['callAttributes'])
        self.assertEqual(body['from'], inputs['from'])
        self.assertEqual(body['privateKey'], 'a\r\nb')

    def test_renderer_is_needed(self):
        # Pasting the values without escaping breaks the JSON: the escaping is what keeps it valid.
        inputs = self.sample_inputs()
        raw = REFERENCE.sub(lambda m: (inputs if m.group(1) == 'input' else {'privateKey': self.pem})
                            .get(m.group(2), ''), self.files['request-template.vm'])
        with self.assertRaises(json.JSONDecodeError):
            json.loads(raw)

    def test_configuration_holds_the_template(self):
        config = json.loads(self.files['configuration.json'])
        self.assertEqual(config['request']['requestTemplate'], self.files['request-template.vm'])
        self.assertIn('$!{credentials.privateKey}', config['request']['requestTemplate'])
        self.assertNotIn('input.privateKey', config['request']['requestTemplate'])


if __name__ == '__main__':
    unittest.main(verbosity=2)
