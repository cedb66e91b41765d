/**
 * Heuristics for credentials written as plain environment values. Every result names the kind of credential,
 * never the value, so it can be logged.
 */
const VALUE_PATTERNS: [RegExp, string][] = [
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}/, 'a GitHub token'],
  [/\bxox[abposre]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\b[sr]k_live_[A-Za-z0-9]{16,}/, 'a Stripe key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, 'a JSON Web Token'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, 'a URL with a password'],
  [/\b(?:password|passwd|pwd|secret|token|api[_-]?key)\s*[=:]\s*[^\s&;]{6,}/i, 'a password assignment'],
]

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/i
/** Names that hold a reference to a secret or a setting about one, not the secret itself. */
const REFERENCE_NAME =
  /_(?:ARN|NAME|ID|FILE|PATH|URL|URI|TTL|EXPIRY|EXPIRES|LENGTH|HEADER|REGION|ENDPOINT|VERSION|ENABLED)$/i
const HARMLESS_VALUE = /^(?:true|false|yes|no|on|off|none|null|-?\d+(?:\.\d+)?|arn:.*|\/.*)$/i

/** What kind of credential the variable seems to hold, or undefined. */
export function credentialKind(name: string, value: string): string | undefined {
  for (const [pattern, kind] of VALUE_PATTERNS) if (pattern.test(value)) return kind
  if (looksRandom(value)) return 'a long random token'
  if (SECRET_NAME.test(name) && !REFERENCE_NAME.test(name) && value.trim() !== '' && !HARMLESS_VALUE.test(value)) {
    return 'a secret, judging by its name'
  }
  return undefined
}

/** A long token of mixed-case letters and digits with high entropy: API keys, not hashes or ids. */
function looksRandom(value: string): boolean {
  if (value.length < 32 || !/^[A-Za-z0-9+/=_-]+$/.test(value)) return false
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false
  return entropyPerChar(value) >= 4
}

function entropyPerChar(value: string): number {
  const counts = new Map<string, number>()
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1)
  let entropy = 0
  for (const count of counts.values()) {
    const p = count / value.length
    entropy -= p * Math.log2(p)
  }
  return entropy
}
