/**
 * Key material and signatures made once with OpenSSL 3.0 (`openssl genpkey`, `openssl pkey
 * -pubout`, `openssl ec -conv_form compressed`, `openssl ecparam -genkey`, `openssl pkcs8 -topk8`,
 * `openssl pkeyutl -sign -rawin -digest sha256`), shared by the DSSE tests and by the vector
 * generator (tools/dsse.ts). ECDSA signatures are randomized, so the one the vectors use is kept
 * here rather than made at generation time. Test material only: none of these keys protects anything.
 * @module
 */

/** RSA 1024 SPKI (unsupported algorithm). */
export const RSA_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC6MCaTU4XxR4y5B/8UY8V1eXhB
W2mOm/uyoTbp8dHozCBCk2DQGSM0qM6Wz5t1iZuXrs+z6e5zNFhta2mRRi7ITlCn
nbJIwHOnEhac83vbi0UQ9Xkv2DhBCDV9zdGf19vwwbyksiNqJ/6ZByoRhEjYPuiy
+hDyfs8KUIdXqyfvdwIDAQAB
-----END PUBLIC KEY-----
`;

/** ECDSA P-384 SPKI (unsupported curve). */
export const P384_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAENHegXuCSPY0A8N78gBPy40QvIkNaLDH4
hTC2xmwTcRxWBZ88ZrJwkyBxXKuzfs7ncRRKdwEUnNFtsk/fiBa2sm06wgdpkUJJ
uC4mg0AMwPJQOHv922BPNE+WP0e0mUnm
-----END PUBLIC KEY-----
`;

/** X25519 SPKI (key agreement, not signing). */
export const X25519_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VuAyEAW26PAnH9DjvotheI/SARe6tsbm1JLSobwDYNKNaQeQA=
-----END PUBLIC KEY-----
`;

/** Ed448 PKCS #8 (unsupported algorithm). */
export const ED448_PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MEcCAQAwBQYDK2VxBDsEOcSRn6SzzMPjj4fXz4iNCjsPzV4g9EyIrGUjGIqX8XeQ
mv1ccZjMdBiD6Zy1g02G19HnSWeKUOg7dw==
-----END PRIVATE KEY-----
`;

/** P-256 key in SEC 1 "EC PRIVATE KEY" form (not PKCS #8). */
export const SEC1_PRIVATE_PEM = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIDlpg1aGXYLxMxrfui/qViS6E1THl82Vqu1/SoS8C4x3oAoGCCqGSM49
AwEHoUQDQgAES94Ba6wsNlXtqAGx8w1LjMeo2rzxWEcAiNOjddipE3AXa/nsEAoS
pCNzlhHYN55pHigPyFFUagrLdIAQjvwQWw==
-----END EC PRIVATE KEY-----
`;

/** Ed25519 PKCS #8 encrypted with a passphrase. */
export const ENCRYPTED_PRIVATE_PEM = `-----BEGIN ENCRYPTED PRIVATE KEY-----
MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjl8P26WEgvugICCAAw
DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEENuC9YqyePXmHpdFtCgI+UMEQF4c
+foQNXlvT588r+PhM6mkCmKlpXLl3hK1H+0akNcMML0ilLcWc0faG3hcHojyFoRR
6SE406XH9vrcHJBMdh8=
-----END ENCRYPTED PRIVATE KEY-----
`;

/** P-256 PKCS #8 as `openssl genpkey` writes it. */
export const P256_PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgtk/2rxB9Zg4klH4B
imsulYO09YdfYDcCjdyV2fNtOx6hRANCAAQi2PSfMB/cUrMTKHjVn2/6Z+q6tcXo
8Zp3uiH5cOjKW35M6DULHUQ0vk12Xy02MgwKsX2ORfHZXrHPXsivUTRO
-----END PRIVATE KEY-----
`;

/** its SPKI, uncompressed point. */
export const P256_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEItj0nzAf3FKzEyh41Z9v+mfqurXF
6PGad7oh+XDoylt+TOg1Cx1ENL5Ndl8tNjIMCrF9jkXx2V6xz17Ir1E0Tg==
-----END PUBLIC KEY-----
`;

/** the same public key with a compressed point. */
export const P256_COMPRESSED_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MDkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDIgACItj0nzAf3FKzEyh41Z9v+mfqurXF
6PGad7oh+XDoyls=
-----END PUBLIC KEY-----
`;

/** Ed25519 PKCS #8 as `openssl genpkey` writes it. */
export const ED25519_PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIPT2nbCSvHy/Tmwmo42OXziTEDbAdfU7e3SdMeGtUgBu
-----END PRIVATE KEY-----
`;

/** its SPKI. */
export const ED25519_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAHfyJphEP8Hh61BG3Q5Bk1V1cr7dPtN6DxveeaNXMAj0=
-----END PUBLIC KEY-----
`;

/** P-256 PKCS #8 whose signature {@link VECTOR_ECDSA_SIG_DER_HEX} the vectors use. */
export const VECTOR_P256_PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgde+Bby+d8eO1Xexr
Dyb83BJPtzXm72fAHp4P+sdXFTyhRANCAAQ+T9RKXpKzlGZSTbNscg3QIJtekE2r
u6dfBXdg3x0OD24+ooA6U7o8CQJEANY267D8Yl2SGTc9Z58vGttauoyB
-----END PRIVATE KEY-----
`;

/** Its SPKI. */
export const VECTOR_P256_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEPk/USl6Ss5RmUk2zbHIN0CCbXpBN
q7unXwV3YN8dDg9uPqKAOlO6PAkCRADWNuuw/GJdkhk3PWefLxrbWrqMgQ==
-----END PUBLIC KEY-----
`;

/** The payload type and payload {@link VECTOR_ECDSA_SIG_DER_HEX} covers. */
export const VECTOR_ECDSA_MESSAGE = {
  payloadType: 'application/vnd.warrant.test+json',
  payload: '{"vector":"ecdsa"}',
} as const;

/**
 * `openssl pkeyutl -sign -inkey <VECTOR_P256_PRIVATE_PEM> -rawin -digest sha256` over
 * `DSSEv1 33 application/vnd.warrant.test+json 18 {"vector":"ecdsa"}` (DER).
 */
export const VECTOR_ECDSA_SIG_DER_HEX =
  '3045022100c6582cb2c3cfa2d4890f98299ab7f1b813ad134cdb8011df76f3862e351514fa02207212084da15b16e494fd1ee2a76211efb7cb3a002963bf2bb220661ae0a1c611';
