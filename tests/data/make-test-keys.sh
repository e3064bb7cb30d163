#!/usr/bin/env bash
# How the test-only keys and certificates in this folder were made (run once; the files are committed so the tests
# are deterministic). Every file here is TEST-ONLY material: never use it for a real org.
set -euo pipefail
cd "$(dirname "$0")"
subj="/CN=Handoff Studio test-only/O=Handoff Studio tests"

# RFC 7515 Appendix A.2 key, built from the RFC's JWK values (n, e, d, p, q, dp, dq, qi) as an ASN.1 RSAPrivateKey.
openssl asn1parse -genconf rfc7515-a2-rsa-test-only.asn1.cnf -out /tmp/rfc7515.der -noout
openssl pkey -inform DER -in /tmp/rfc7515.der -traditional -out rfc7515-a2-rsa-test-only.pem
openssl pkey -in rfc7515-a2-rsa-test-only.pem -pubout -out rfc7515-a2-rsa-test-only.pub.pem
rm -f /tmp/rfc7515.der

# One 2048-bit key in three encodings, and its self-signed certificate (PEM and DER).
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa2048-pkcs8-test-only.pem
openssl pkey -in rsa2048-pkcs8-test-only.pem -traditional -out rsa2048-pkcs1-test-only.pem
openssl pkcs8 -topk8 -in rsa2048-pkcs8-test-only.pem -v2 aes-256-cbc -passout pass:handoff-test-only \
    -out rsa2048-pkcs8-encrypted-test-only.pem
openssl req -new -x509 -sha256 -key rsa2048-pkcs8-test-only.pem -days 36500 -subj "$subj" \
    -out rsa2048-test-only.crt.pem
openssl x509 -in rsa2048-test-only.crt.pem -outform DER -out rsa2048-test-only.crt.der

# Another 2048-bit key with its certificate: the certificate does not match the key above.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other-rsa2048-test-only.pem
openssl req -new -x509 -sha256 -key other-rsa2048-test-only.pem -days 36500 -subj "/CN=Other test-only" \
    -out other-rsa2048-test-only.crt.pem

# Sizes: 1024 (deprecated), 4096 (allowed); an EC P-256 key (not usable for RS256) and its certificate.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa1024-test-only.pem
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out rsa4096-test-only.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec-p256-test-only.pem
openssl req -new -x509 -sha256 -key ec-p256-test-only.pem -days 36500 -subj "/CN=EC test-only" \
    -out ec-p256-test-only.crt.pem

# Broken input: a PEM cut in the middle, and text that is no key at all.
head -c 900 rsa2048-pkcs8-test-only.pem > truncated-test-only.pem
head -c 700 rsa2048-test-only.crt.pem > truncated-test-only.crt.pem
printf 'This is not a key.\nJust some text an admin might pick by mistake.\n' > garbage-test-only.pem
