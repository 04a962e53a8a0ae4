// An independent verifier of GeoEdge EARs: the npm `jose` library, not our code, checks the ES256
// signature against the bridge's JWK Set and the JWT time claims. GeoEdge.Ear.Tests runs it.
// usage: node verify-ear.mjs EAR.jwt JWKS.json   -> prints one JSON line; exit 0 valid, 1 refused, 2 usage
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify } from 'jose';

const [jwtPath, jwksPath] = process.argv.slice(2);
if (!jwtPath || !jwksPath) {
  console.error('usage: node verify-ear.mjs EAR.jwt JWKS.json');
  process.exit(2);
}
const jwt = readFileSync(jwtPath, 'ascii').trim();
const keys = createLocalJWKSet(JSON.parse(readFileSync(jwksPath, 'utf8')));
try {
  const { payload, protectedHeader } = await jwtVerify(jwt, keys, { algorithms: ['ES256'] });
  console.log(JSON.stringify({ valid: true, kid: protectedHeader.kid, payload }));
} catch (e) {
  console.log(JSON.stringify({ valid: false, code: e.code ?? e.name, message: e.message }));
  process.exit(1);
}
