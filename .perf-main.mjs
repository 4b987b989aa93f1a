// ../../tmp/integrity-perf/list-bench-main.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// ../../tmp/check-integrity/electron/core/errors.ts
var RekeyError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
  name = "RekeyError";
};

// ../../tmp/check-integrity/electron/core/clock.ts
var systemClock = { now: () => /* @__PURE__ */ new Date() };

// ../../tmp/check-integrity/electron/core/keychain/key-store.ts
function vaultKeyAccount(vaultId) {
  return `vault-key:${vaultId}`;
}

// ../../tmp/check-integrity/electron/core/keychain/memory-key-store.ts
var MemoryKeyStore = class {
  description = "in-memory keychain (tests only)";
  items = /* @__PURE__ */ new Map();
  calls = 0;
  async get(account) {
    this.calls++;
    return this.items.get(account) ?? null;
  }
  async set(account, secret) {
    this.calls++;
    this.items.set(account, secret);
  }
  async delete(account) {
    this.calls++;
    return this.items.delete(account);
  }
};

// ../../tmp/check-integrity/electron/core/rotation/status.ts
import { addDays, differenceInCalendarDays, isBefore } from "date-fns";
var DEFAULT_ROTATE_EVERY_DAYS = 90;
var DEFAULT_LEAD_DAYS = 14;
function dueDate(rotatedAt, rotateEveryDays) {
  return addDays(rotatedAt, rotateEveryDays);
}
function statusJudge(now, leadDays = DEFAULT_LEAD_DAYS) {
  const nowIso = now.toISOString();
  const soonIso = addDays(now, leadDays).toISOString();
  return (dueAt, exposedAt) => exposedAt !== null ? "exposed" : dueAt <= nowIso ? "overdue" : dueAt <= soonIso ? "due-soon" : "ok";
}

// ../../tmp/check-integrity/electron/core/vault/vault.ts
import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { differenceInCalendarDays as differenceInCalendarDays2, addDays as addDays2 } from "date-fns";

// ../../tmp/check-integrity/electron/core/audit/audit-chain.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var GENESIS_MAC = Buffer.alloc(32, 0);
function canonical(record) {
  return JSON.stringify([record.seq, record.at, record.action, record.secretId, record.detailJson]);
}
function chainMac(auditKey, prevMac, record) {
  return createHmac("sha256", auditKey).update(prevMac).update(canonical(record), "utf8").digest();
}
function headMac(auditKey, seq, mac) {
  return createHmac("sha256", auditKey).update(`rekey/v1/audit-head|${seq}|`).update(mac).digest();
}
function same(a, b) {
  return a.length === b.length && timingSafeEqual(a, b);
}
function verifyChain(auditKey, records, head) {
  let expectedPrev = GENESIS_MAC;
  let expectedSeq = 1;
  let count = 0;
  for (const record of records) {
    count++;
    if (record.seq !== expectedSeq) {
      return {
        ok: false,
        entries: count,
        firstBrokenSeq: expectedSeq,
        reason: record.seq > expectedSeq ? `entry ${expectedSeq} is missing` : `entry ${record.seq} is out of order`
      };
    }
    if (!same(record.prevMac, expectedPrev)) {
      return { ok: false, entries: count, firstBrokenSeq: record.seq, reason: `entry ${record.seq} does not follow entry ${record.seq - 1}` };
    }
    if (!same(record.mac, chainMac(auditKey, record.prevMac, record))) {
      return { ok: false, entries: count, firstBrokenSeq: record.seq, reason: `entry ${record.seq} was altered` };
    }
    expectedPrev = record.mac;
    expectedSeq++;
  }
  const last = expectedSeq - 1;
  if (head === null) {
    if (last === 0) return { ok: true, entries: 0 };
    return { ok: false, entries: count, firstBrokenSeq: last, reason: "the record of the newest entry is missing" };
  }
  if (!same(head.headMac, headMac(auditKey, head.seq, head.mac))) {
    return { ok: false, entries: count, firstBrokenSeq: Math.min(head.seq, last + 1), reason: "the record of the newest entry was altered" };
  }
  if (head.seq !== last || !same(head.mac, expectedPrev)) {
    return head.seq > last ? { ok: false, entries: count, firstBrokenSeq: last + 1, reason: `entries ${last + 1} to ${head.seq} were removed` } : { ok: false, entries: count, firstBrokenSeq: head.seq + 1, reason: `entry ${head.seq + 1} was not written by Rekey` };
  }
  return { ok: true, entries: count };
}

// ../../tmp/check-integrity/electron/core/audit/audit-log.ts
var HEAD_KEY = "audit_head";
var AuditLog = class {
  constructor(db, auditKey) {
    this.db = db;
    this.auditKey = auditKey;
    this.insert = db.prepare(
      "INSERT INTO audit_events (seq, at, action, secret_id, detail_json, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?)"
    );
    this.readHead = db.prepare("SELECT value FROM meta WHERE key = ?");
    this.writeHead = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    this.all = db.prepare("SELECT seq, at, action, secret_id, detail_json, prev_mac, mac FROM audit_events ORDER BY seq");
    this.newest = db.prepare("SELECT seq, mac FROM audit_events ORDER BY seq DESC LIMIT 1");
  }
  db;
  auditKey;
  insert;
  readHead;
  writeHead;
  all;
  newest;
  append(at, action, secretId, detail) {
    this.appendMany(at, [{ action, secretId, detail }]);
  }
  /** One chain walk and one head update for a batch (an export of 1,000 keys is 1,000 entries). */
  appendMany(at, entries) {
    if (!this.db.inTransaction) throw new Error("AuditLog.append must run inside the change it records");
    if (entries.length === 0) return;
    const newest = this.newest.get();
    let seq = newest?.seq ?? 0;
    let prevMac = newest?.mac ?? GENESIS_MAC;
    const stamp = at.toISOString();
    for (const { action, secretId, detail } of entries) {
      seq++;
      const record = { seq, at: stamp, action, secretId, detailJson: JSON.stringify(detail) };
      const mac = chainMac(this.auditKey, prevMac, record);
      this.insert.run(seq, stamp, action, secretId, record.detailJson, prevMac, mac);
      prevMac = mac;
    }
    const head = { seq, mac: prevMac.toString("hex"), headMac: headMac(this.auditKey, seq, prevMac).toString("hex") };
    this.writeHead.run(HEAD_KEY, JSON.stringify(head));
  }
  events() {
    return this.all.all().map((row) => ({
      seq: row.seq,
      at: row.at,
      action: row.action,
      secretId: row.secret_id,
      detail: parseDetail(row.detail_json)
    }));
  }
  verify() {
    const rows = this.all.iterate();
    const records = (function* () {
      for (const row of rows) {
        yield {
          seq: row.seq,
          at: row.at,
          action: row.action,
          secretId: row.secret_id,
          detailJson: row.detail_json,
          prevMac: row.prev_mac,
          mac: row.mac
        };
      }
    })();
    return verifyChain(this.auditKey, records, this.headForVerify());
  }
  headForVerify() {
    const row = this.readHead.get(HEAD_KEY);
    if (!row) return null;
    try {
      const parsed = JSON.parse(row.value);
      if (typeof parsed.seq !== "number" || typeof parsed.mac !== "string" || typeof parsed.headMac !== "string") {
        return { seq: 0, mac: Buffer.alloc(0), headMac: Buffer.alloc(0) };
      }
      return { seq: parsed.seq, mac: Buffer.from(parsed.mac, "hex"), headMac: Buffer.from(parsed.headMac, "hex") };
    } catch {
      return { seq: 0, mac: Buffer.alloc(0), headMac: Buffer.alloc(0) };
    }
  }
};
function parseDetail(json) {
  try {
    const parsed = JSON.parse(json);
    return parsed !== null && typeof parsed === "object" ? parsed : {};
  } catch {
    return {};
  }
}

// ../../tmp/check-integrity/electron/core/crypto/vault-keys.ts
import { createHmac as createHmac2, hkdfSync, randomBytes, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var VAULT_KEY_BYTES = 32;
var INFO = {
  encryption: "rekey/v1/secret-encryption",
  fingerprint: "rekey/v1/value-fingerprint",
  audit: "rekey/v1/audit-chain",
  check: "rekey/v1/key-check"
};
function newVaultKey() {
  return randomBytes(VAULT_KEY_BYTES);
}
function deriveVaultKeys(vaultKey, vaultId) {
  const derive = (info) => Buffer.from(hkdfSync("sha256", vaultKey, Buffer.from(vaultId, "utf8"), info, 32));
  return {
    encryption: derive(INFO.encryption),
    fingerprint: derive(INFO.fingerprint),
    audit: derive(INFO.audit),
    check: derive(INFO.check)
  };
}
function wipeVaultKeys(keys) {
  for (const key of Object.values(keys)) key.fill(0);
}
function keyCheckValue(keys) {
  return createHmac2("sha256", keys.check).update("rekey vault key check").digest("hex");
}
function keyCheckMatches(keys, stored) {
  const expected = Buffer.from(keyCheckValue(keys), "hex");
  const actual = Buffer.from(stored, "hex");
  return actual.length === expected.length && timingSafeEqual2(actual, expected);
}
function fingerprintValue(keys, value) {
  return createHmac2("sha256", keys.fingerprint).update(value, "utf8").digest();
}
function encodeVaultKey(key) {
  return key.toString("base64");
}
function decodeVaultKey(stored) {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(stored)) return null;
  const key = Buffer.from(stored, "base64");
  return key.length === VAULT_KEY_BYTES ? key : null;
}

// ../../tmp/check-integrity/electron/core/crypto/envelope.ts
import { createCipheriv, createDecipheriv, randomBytes as randomBytes2 } from "node:crypto";
var ALGORITHM = "aes-256-gcm";
var NONCE_BYTES = 12;
var TAG_BYTES = 16;
function secretAssociatedData(secretId, version) {
  return Buffer.from(`rekey/v1|secret|${secretId}|${version}`, "utf8");
}
function seal(key, plaintext, associatedData2) {
  const nonce = randomBytes2(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData2);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, nonce, tag: cipher.getAuthTag() };
}
function open(key, sealed, associatedData2) {
  if (sealed.nonce.length !== NONCE_BYTES || sealed.tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData2);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

// ../../tmp/check-integrity/electron/core/crypto/password-kdf.ts
import { randomBytes as randomBytes3, scrypt } from "node:crypto";
import { z } from "zod";
var KdfParamsSchema = z.object({
  algorithm: z.literal("scrypt"),
  /** CPU/memory cost, a power of two. */
  N: z.number().int().min(2 ** 10).max(2 ** 22).refine((n) => (n & n - 1) === 0, "N must be a power of two"),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  /** base64, at least 16 bytes. */
  salt: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).refine((s) => Buffer.from(s, "base64").length >= 16, "salt too short")
});
var DERIVED_KEY_BYTES = 32;
var DEFAULT_SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 };
function newKdfParams(cost = DEFAULT_SCRYPT_COST) {
  return KdfParamsSchema.parse({ algorithm: "scrypt", ...cost, salt: randomBytes3(16).toString("base64") });
}
function maxmemFor(params) {
  return 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
}
function derivePasswordKey(password, params) {
  const checked = KdfParamsSchema.parse(params);
  const secret = Buffer.from(password.normalize("NFC"), "utf8");
  return new Promise((resolve2, reject) => {
    scrypt(
      secret,
      Buffer.from(checked.salt, "base64"),
      DERIVED_KEY_BYTES,
      { N: checked.N, r: checked.r, p: checked.p, maxmem: maxmemFor(checked) },
      (error, key) => {
        secret.fill(0);
        if (error) reject(error);
        else resolve2(key);
      }
    );
  });
}

// ../../tmp/check-integrity/electron/core/crypto/key-wrap.ts
import { z as z2 } from "zod";
var PREFIX = "rekey-wrapped:v1:";
var base64 = z2.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
var WrappedSchema = z2.object({ kdf: KdfParamsSchema, nonce: base64, ciphertext: base64, tag: base64 }).strict();
function isWrappedVaultKey(stored) {
  return stored.startsWith(PREFIX);
}
function associatedData(vaultId) {
  return Buffer.from(`rekey/v1|vault-key-wrap|${vaultId}`, "utf8");
}
function parse(stored) {
  if (!isWrappedVaultKey(stored)) return null;
  try {
    const checked = WrappedSchema.safeParse(JSON.parse(Buffer.from(stored.slice(PREFIX.length), "base64").toString("utf8")));
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}
async function wrapVaultKey(vaultKey, password, vaultId, params = newKdfParams()) {
  const wrappingKey = await derivePasswordKey(password, params);
  try {
    const sealed = seal(wrappingKey, vaultKey, associatedData(vaultId));
    const item = {
      kdf: params,
      nonce: sealed.nonce.toString("base64"),
      ciphertext: sealed.ciphertext.toString("base64"),
      tag: sealed.tag.toString("base64")
    };
    return PREFIX + Buffer.from(JSON.stringify(item), "utf8").toString("base64");
  } finally {
    wrappingKey.fill(0);
  }
}
async function unwrapVaultKey(stored, password, vaultId) {
  const item = parse(stored);
  if (item === null) return { ok: false, reason: "damaged" };
  const wrappingKey = await derivePasswordKey(password, item.kdf);
  try {
    const plain = open(
      wrappingKey,
      { nonce: Buffer.from(item.nonce, "base64"), ciphertext: Buffer.from(item.ciphertext, "base64"), tag: Buffer.from(item.tag, "base64") },
      associatedData(vaultId)
    );
    if (plain === null) return { ok: false, reason: "wrong-password" };
    if (plain.length !== VAULT_KEY_BYTES) {
      plain.fill(0);
      return { ok: false, reason: "damaged" };
    }
    return { ok: true, vaultKey: plain };
  } finally {
    wrappingKey.fill(0);
  }
}
function wrappedKdfParams(stored) {
  return parse(stored)?.kdf ?? null;
}

// ../../tmp/check-integrity/electron/core/providers/provider.ts
var GENERIC_PROVIDER_ID = "generic";

// ../../tmp/check-integrity/electron/core/providers/catalog.ts
var URL_SAFE = "[A-Za-z0-9_-]";
var ALNUM_ONLY = /^[A-Za-z0-9]*$/;
var URL_SAFE_ONLY = /^[A-Za-z0-9_-]*$/;
var LOWER_HEX_ONLY = /^[0-9a-f]*$/;
function form(prefixes, body, alphabet, min, max = min) {
  return { prefixes, body, alphabet, bodyLength: { min, max } };
}
var DEFAULT_ROTATE_DAYS = 90;
var PROVIDER_SPECS = [
  {
    id: "anthropic",
    displayName: "Anthropic",
    suggestedEnvVar: "ANTHROPIC_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://console.anthropic.com/settings/keys",
    forms: [form(["sk-ant-api03-", "sk-ant-admin01-"], `${URL_SAFE}{93}AA`, URL_SAFE_ONLY, 95)],
    formatHint: "sk-ant-api03- (or sk-ant-admin01-) followed by 95 letters, digits, - or _, ending in AA",
    alphabetHint: "letters, digits, - and _"
  },
  {
    id: "openai",
    displayName: "OpenAI",
    suggestedEnvVar: "OPENAI_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://platform.openai.com/api-keys",
    forms: [
      // Every OpenAI key carries the marker T3BlbkFJ ("OpenAI" in base64) in its middle.
      form(
        ["sk-proj-", "sk-svcacct-", "sk-admin-"],
        `(?:${URL_SAFE}{74}T3BlbkFJ${URL_SAFE}{74}|${URL_SAFE}{58}T3BlbkFJ${URL_SAFE}{58}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})`,
        URL_SAFE_ONLY,
        48,
        156
      ),
      form(["sk-"], "[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}", ALNUM_ONLY, 48)
    ],
    formatHint: "sk-proj-, sk-svcacct- or sk-admin- followed by letters, digits, - or _ around the marker T3BlbkFJ (legacy keys: sk- and 48 letters and digits)",
    alphabetHint: "letters, digits, - and _"
  },
  {
    id: "github-fine-grained",
    displayName: "GitHub (fine-grained token)",
    suggestedEnvVar: "GITHUB_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://github.com/settings/personal-access-tokens",
    forms: [form(["github_pat_"], "[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", /^[A-Za-z0-9_]*$/, 82)],
    formatHint: "github_pat_ followed by 22 letters and digits, an underscore, and 59 letters and digits",
    alphabetHint: "letters, digits and _"
  },
  {
    id: "github-classic",
    displayName: "GitHub (classic token)",
    suggestedEnvVar: "GITHUB_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://github.com/settings/tokens",
    forms: [form(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], "[A-Za-z0-9]{36}", ALNUM_ONLY, 36)],
    formatHint: "ghp_, gho_, ghu_, ghs_ or ghr_ followed by 36 letters and digits",
    alphabetHint: "letters and digits"
  },
  {
    id: "gitlab",
    displayName: "GitLab",
    suggestedEnvVar: "GITLAB_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://gitlab.com/-/user_settings/personal_access_tokens",
    forms: [
      // Newer "routable" tokens end in .<2 chars><7 chars>; older ones are 20 characters.
      form(["glpat-"], `(?:${URL_SAFE}{27,300}\\.[0-9a-z]{9}|${URL_SAFE}{20})`, /^[A-Za-z0-9_.-]*$/, 20, 310)
    ],
    formatHint: "glpat- followed by 20 letters, digits, - or _ (newer tokens: longer, ending in a dot and 9 characters)",
    alphabetHint: "letters, digits, -, _ and ."
  },
  {
    id: "aws-access-key-id",
    displayName: "AWS access key ID",
    suggestedEnvVar: "AWS_ACCESS_KEY_ID",
    // CIS AWS Foundations flags access keys older than 90 days; reminding at 60 leaves time to act first.
    defaultRotateEveryDays: 60,
    rotateUrl: "https://console.aws.amazon.com/iam/home#/security_credentials",
    // Key ids are base32, so the only digits that occur are 2-7.
    forms: [form(["AKIA", "ASIA"], "[A-Z2-7]{16}", /^[A-Z2-7]*$/, 16)],
    formatHint: "AKIA (or ASIA for temporary keys) followed by 16 uppercase letters and digits 2-7",
    alphabetHint: "uppercase letters and the digits 2-7"
  },
  {
    id: "stripe-secret",
    displayName: "Stripe (secret key)",
    suggestedEnvVar: "STRIPE_SECRET_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://dashboard.stripe.com/apikeys",
    forms: [form(["sk_live_", "sk_test_"], "[A-Za-z0-9]{24,247}", ALNUM_ONLY, 24, 247)],
    formatHint: "sk_live_ or sk_test_ followed by at least 24 letters and digits",
    alphabetHint: "letters and digits"
  },
  {
    id: "stripe-restricted",
    displayName: "Stripe (restricted key)",
    suggestedEnvVar: "STRIPE_RESTRICTED_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://dashboard.stripe.com/apikeys",
    forms: [form(["rk_live_", "rk_test_"], "[A-Za-z0-9]{24,247}", ALNUM_ONLY, 24, 247)],
    formatHint: "rk_live_ or rk_test_ followed by at least 24 letters and digits",
    alphabetHint: "letters and digits"
  },
  {
    id: "slack",
    displayName: "Slack",
    suggestedEnvVar: "SLACK_BOT_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://api.slack.com/apps",
    forms: [
      form(["xoxb-"], "(?:\\d{10,13}-\\d{10,13}-[A-Za-z0-9]{24}|\\d{8,14}-[A-Za-z0-9]{18,26})", /^[A-Za-z0-9-]*$/, 27, 52),
      form(["xoxp-"], "\\d{10,13}-\\d{10,13}-\\d{10,13}-[0-9a-f]{32}", /^[0-9a-f-]*$/, 65, 74),
      form(["xapp-"], "\\d-[A-Z0-9]{9,12}-\\d{10,13}-[0-9a-f]{64}", /^[A-Za-z0-9-]*$/, 87, 93),
      form(["xoxe.xoxb-", "xoxe.xoxp-"], "\\d-[A-Za-z0-9]{163,166}", /^[A-Za-z0-9-]*$/, 165, 168),
      form(["xoxe-"], "\\d-[A-Za-z0-9]{146}", /^[A-Za-z0-9-]*$/, 148),
      form(["xoxa-", "xoxr-"], "(?:\\d-)?[A-Za-z0-9]{8,48}", /^[A-Za-z0-9-]*$/, 8, 50)
    ],
    formatHint: "xoxb-, xoxp-, xapp-, xoxe- or xoxa- followed by dash-separated groups of digits, letters and digits",
    alphabetHint: "letters, digits and -"
  },
  {
    id: "google-api-key",
    displayName: "Google API key",
    suggestedEnvVar: "GOOGLE_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://console.cloud.google.com/apis/credentials",
    forms: [form(["AIza"], `${URL_SAFE}{35}`, URL_SAFE_ONLY, 35)],
    formatHint: "AIza followed by 35 letters, digits, - or _",
    alphabetHint: "letters, digits, - and _"
  },
  {
    id: "sendgrid",
    displayName: "SendGrid",
    suggestedEnvVar: "SENDGRID_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://app.sendgrid.com/settings/api_keys",
    forms: [form(["SG."], `${URL_SAFE}{22}\\.${URL_SAFE}{43}`, /^[A-Za-z0-9_.-]*$/, 66)],
    formatHint: "SG. followed by 22 characters, a dot, and 43 characters (letters, digits, - or _)",
    alphabetHint: "letters, digits, -, _ and ."
  },
  {
    id: "npm",
    displayName: "npm",
    suggestedEnvVar: "NPM_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://docs.npmjs.com/creating-and-viewing-access-tokens",
    forms: [form(["npm_"], "[A-Za-z0-9]{36}", ALNUM_ONLY, 36)],
    formatHint: "npm_ followed by 36 letters and digits",
    alphabetHint: "letters and digits"
  },
  {
    id: "huggingface",
    displayName: "Hugging Face",
    suggestedEnvVar: "HF_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://huggingface.co/settings/tokens",
    forms: [form(["hf_"], "[A-Za-z]{34}", /^[A-Za-z]*$/, 34)],
    formatHint: "hf_ followed by 34 letters",
    alphabetHint: "letters only"
  },
  {
    id: "twilio",
    displayName: "Twilio (API key)",
    suggestedEnvVar: "TWILIO_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://console.twilio.com/us1/account/keys-credentials/api-keys",
    forms: [form(["SK"], "[0-9a-f]{32}", LOWER_HEX_ONLY, 32)],
    formatHint: "SK followed by 32 lowercase hexadecimal characters",
    alphabetHint: "lowercase hexadecimal characters (0-9, a-f)"
  },
  {
    id: "digitalocean",
    displayName: "DigitalOcean",
    suggestedEnvVar: "DIGITALOCEAN_ACCESS_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://cloud.digitalocean.com/account/api/tokens",
    forms: [form(["dop_v1_"], "[0-9a-f]{64}", LOWER_HEX_ONLY, 64)],
    formatHint: "dop_v1_ followed by 64 lowercase hexadecimal characters",
    alphabetHint: "lowercase hexadecimal characters (0-9, a-f)"
  },
  {
    id: "groq",
    displayName: "Groq",
    suggestedEnvVar: "GROQ_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://console.groq.com/keys",
    forms: [form(["gsk_"], "[A-Za-z0-9]{52}", ALNUM_ONLY, 52)],
    formatHint: "gsk_ followed by 52 letters and digits",
    alphabetHint: "letters and digits"
  },
  {
    id: "shopify",
    displayName: "Shopify",
    suggestedEnvVar: "SHOPIFY_ACCESS_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    // Tokens belong to an app inside one store's admin: there is no single page to link to.
    rotateUrl: null,
    forms: [form(["shpat_", "shpca_", "shppa_", "shpss_"], "[0-9a-fA-F]{32}", /^[0-9a-fA-F]*$/, 32)],
    formatHint: "shpat_, shpca_, shppa_ or shpss_ followed by 32 hexadecimal characters",
    alphabetHint: "hexadecimal characters (0-9, a-f)"
  },
  {
    id: "pypi",
    displayName: "PyPI",
    suggestedEnvVar: "PYPI_API_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://pypi.org/manage/account/token/",
    // The long prefix is the base64 macaroon header naming pypi.org: identical in every token.
    forms: [form(["pypi-AgEIcHlwaS5vcmc"], `${URL_SAFE}{50,1000}`, URL_SAFE_ONLY, 50, 1e3)],
    formatHint: "pypi-AgEIcHlwaS5vcmc followed by at least 50 letters, digits, - or _",
    alphabetHint: "letters, digits, - and _"
  },
  {
    id: "linear",
    displayName: "Linear",
    suggestedEnvVar: "LINEAR_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://linear.app/settings/account/security",
    forms: [form(["lin_api_"], "[A-Za-z0-9]{40}", ALNUM_ONLY, 40)],
    formatHint: "lin_api_ followed by 40 letters and digits",
    alphabetHint: "letters and digits"
  },
  {
    id: "perplexity",
    displayName: "Perplexity",
    suggestedEnvVar: "PERPLEXITY_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://www.perplexity.ai/settings/api",
    forms: [form(["pplx-"], "[A-Za-z0-9]{48}", ALNUM_ONLY, 48)],
    formatHint: "pplx- followed by 48 letters and digits",
    alphabetHint: "letters and digits"
  },
  {
    id: "databricks",
    displayName: "Databricks",
    suggestedEnvVar: "DATABRICKS_TOKEN",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    // Tokens are created inside each workspace, whose address is the user's own.
    rotateUrl: null,
    forms: [form(["dapi"], "[0-9a-f]{32}(?:-\\d)?", /^[0-9a-f-]*$/, 32, 34)],
    formatHint: "dapi followed by 32 lowercase hexadecimal characters (optionally -<digit>)",
    alphabetHint: "lowercase hexadecimal characters (0-9, a-f)"
  },
  {
    id: "mailgun",
    displayName: "Mailgun",
    suggestedEnvVar: "MAILGUN_API_KEY",
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: "https://app.mailgun.com/settings/api_security",
    forms: [
      form(["key-"], "[0-9a-f]{32}", LOWER_HEX_ONLY, 32),
      // Current keys have no prefix at all: three dash-separated hex groups.
      form([""], "[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}", /^[0-9a-f-]*$/, 50)
    ],
    formatHint: "32, 8 and 8 lowercase hexadecimal characters separated by dashes (legacy keys: key- and 32 hexadecimal characters)",
    alphabetHint: "lowercase hexadecimal characters (0-9, a-f) and -"
  },
  {
    id: GENERIC_PROVIDER_ID,
    displayName: "Other",
    suggestedEnvVar: null,
    defaultRotateEveryDays: DEFAULT_ROTATE_DAYS,
    rotateUrl: null,
    forms: [],
    formatHint: "any value",
    alphabetHint: "any characters"
  }
];

// ../../tmp/check-integrity/electron/core/providers/registry.ts
var PUBLIC_PROVIDERS = Object.freeze(
  PROVIDER_SPECS.map(
    (spec) => Object.freeze({
      id: spec.id,
      displayName: spec.displayName,
      suggestedEnvVar: spec.suggestedEnvVar,
      defaultRotateEveryDays: spec.defaultRotateEveryDays,
      rotateUrl: spec.rotateUrl
    })
  )
);
var SPECS_BY_ID = new Map(PROVIDER_SPECS.map((spec) => [spec.id, spec]));
var PROVIDERS_BY_ID = new Map(PUBLIC_PROVIDERS.map((provider) => [provider.id, provider]));
function findProvider(id) {
  return PROVIDERS_BY_ID.get(id);
}
function toPublicProvider(spec) {
  const provider = PROVIDERS_BY_ID.get(spec.id);
  if (provider === void 0) throw new Error(`provider ${spec.id} missing from the catalog`);
  return provider;
}
function findProviderSpec(id) {
  return SPECS_BY_ID.get(id);
}
function requireProviderSpec(id) {
  const spec = SPECS_BY_ID.get(id);
  if (spec === void 0) {
    throw new RekeyError("invalid-input", `Unknown provider id. Valid ids: ${PROVIDER_SPECS.map((s) => s.id).join(", ")}.`);
  }
  return spec;
}

// ../../tmp/check-integrity/electron/core/providers/key-pattern.ts
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function formSource(form2) {
  return `(?:${form2.prefixes.map(escapeRegExp).join("|")})${form2.body}`;
}
function shapeSource(spec) {
  return spec.forms.map(formSource).join("|");
}
var wholeValuePatterns = /* @__PURE__ */ new Map();
function matchesFormat(spec, value) {
  if (spec.forms.length === 0) return false;
  let pattern = wholeValuePatterns.get(spec.id);
  if (pattern === void 0) {
    pattern = new RegExp(`^(?:${shapeSource(spec)})$`);
    wholeValuePatterns.set(spec.id, pattern);
  }
  return pattern.test(value);
}

// ../../tmp/check-integrity/electron/core/providers/detect.ts
function detectProvider(value) {
  const spec = PROVIDER_SPECS.find((candidate) => matchesFormat(candidate, value));
  if (spec !== void 0) return toPublicProvider(spec);
  const generic = findProvider(GENERIC_PROVIDER_ID);
  if (generic === void 0) throw new Error("the generic provider is missing from the catalog");
  return generic;
}

// ../../tmp/check-integrity/electron/core/providers/placeholder.ts
var PLACEHOLDER_WORDS = /example|placeholder|redacted|dummy|changeme|xxxxx|your[_-]?(?:api[_-]?)?(?:key|token|secret)/i;
var SAME_CHARACTER_RUN = /(.)\1{7}/u;
var SEQUENCE_RUN_LENGTH = 8;
var MIN_ENTROPY_BITS_PER_CHARACTER = 2.3;
function shannonEntropy(characters) {
  const counts = /* @__PURE__ */ new Map();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function hasSequenceRun(characters) {
  let ascending = 1;
  let descending = 1;
  for (let i = 1; i < characters.length; i++) {
    const step = (characters[i]?.codePointAt(0) ?? 0) - (characters[i - 1]?.codePointAt(0) ?? 0);
    ascending = step === 1 ? ascending + 1 : 1;
    descending = step === -1 ? descending + 1 : 1;
    if (ascending >= SEQUENCE_RUN_LENGTH || descending >= SEQUENCE_RUN_LENGTH) return true;
  }
  return false;
}
function looksLikePlaceholder(secretPart) {
  const characters = Array.from(secretPart);
  return PLACEHOLDER_WORDS.test(secretPart) || SAME_CHARACTER_RUN.test(secretPart) || hasSequenceRun(characters) || shannonEntropy(characters) < MIN_ENTROPY_BITS_PER_CHARACTER;
}

// ../../tmp/check-integrity/electron/core/providers/public-prefix.ts
function longestPrefixOf(spec, value) {
  let longest = "";
  for (const form2 of spec.forms) {
    for (const prefix of form2.prefixes) {
      if (prefix.length > longest.length && value.startsWith(prefix)) longest = prefix;
    }
  }
  return longest;
}

// ../../tmp/check-integrity/electron/core/providers/unsafe-characters.ts
var UNSAFE_CHARACTER = /[\s\p{C}\p{Z}]/u;
var UNSAFE_AT_EDGE = /^[\s\p{C}\p{Z}]|[\s\p{C}\p{Z}]$/u;
function hasUnsafeCharacter(value) {
  return UNSAFE_CHARACTER.test(value);
}
function hasUnsafeCharacterAtEdge(value) {
  return UNSAFE_AT_EDGE.test(value);
}

// ../../tmp/check-integrity/electron/core/providers/check-format.ts
function listPrefixes(spec) {
  const prefixes = spec.forms.flatMap((form2) => form2.prefixes).filter((prefix) => prefix !== "");
  if (prefixes.length === 1) return prefixes[0] ?? "";
  return `${prefixes.slice(0, -1).join(", ")} or ${prefixes.at(-1) ?? ""}`;
}
function describeMismatch(spec, value) {
  if (value.length === 0) return "the value is empty";
  if (hasUnsafeCharacterAtEdge(value)) return "it has leading or trailing whitespace";
  if (hasUnsafeCharacter(value)) return "it contains whitespace, a line break or an invisible control character";
  const prefix = longestPrefixOf(spec, value);
  const forms = spec.forms.filter((form2) => form2.prefixes.includes(prefix));
  if (forms.length === 0) return `it does not start with ${listPrefixes(spec)}`;
  const body = value.slice(prefix.length);
  const plausible = forms.filter((form2) => form2.alphabet.test(body));
  if (plausible.length === 0) {
    return `it contains characters that ${spec.displayName} keys never use (after the prefix only ${spec.alphabetHint} are expected)`;
  }
  const length = Array.from(body).length;
  if (plausible.every((form2) => length < form2.bodyLength.min)) return "it is shorter than expected";
  if (plausible.every((form2) => length > form2.bodyLength.max)) return "it is longer than expected";
  if (!plausible.some((form2) => length >= form2.bodyLength.min && length <= form2.bodyLength.max)) {
    return "its length is not one the format allows";
  }
  return "its structure differs from the format (characters in the wrong places or a missing separator)";
}
function checkFormat(providerId, value) {
  const spec = requireProviderSpec(providerId);
  if (spec.id === GENERIC_PROVIDER_ID) return null;
  if (matchesFormat(spec, value)) {
    const secretPart = value.slice(longestPrefixOf(spec, value).length);
    return looksLikePlaceholder(secretPart) ? `This looks like a placeholder rather than a real ${spec.displayName} key: the part after the prefix is too repetitive or contains a filler word.` : null;
  }
  return `Does not match the ${spec.displayName} key format: ${describeMismatch(spec, value)}. Expected ${spec.formatHint}.`;
}

// ../../tmp/check-integrity/electron/core/providers/mask.ts
var HIDDEN = "\u2022".repeat(8);
var MIN_MASKABLE = 16;
var TAIL_LENGTH = 4;
var MIN_HIDDEN = 12;
function prefixFor(value, providerId) {
  if (providerId === void 0) {
    const detected = findProviderSpec(detectProvider(value).id);
    return detected === void 0 ? "" : longestPrefixOf(detected, value);
  }
  const spec = findProviderSpec(providerId);
  return spec === void 0 ? "" : longestPrefixOf(spec, value);
}
function maskValue(value, providerId) {
  const characters = Array.from(value);
  if (characters.length < MIN_MASKABLE || hasUnsafeCharacter(value)) return HIDDEN;
  const prefix = prefixFor(value, providerId);
  const hiddenCount = characters.length - Array.from(prefix).length - TAIL_LENGTH;
  if (hiddenCount < MIN_HIDDEN) return prefix + HIDDEN;
  return prefix + HIDDEN + characters.slice(-TAIL_LENGTH).join("");
}

// ../../tmp/check-integrity/electron/core/providers/find-candidates.ts
var TOKEN_CHARACTER = "[A-Za-z0-9_-]";
var SCANNED_SPECS = PROVIDER_SPECS.filter((spec) => spec.forms.length > 0);
var CANDIDATE_PATTERN = new RegExp(
  `(?<!${TOKEN_CHARACTER})(?:${SCANNED_SPECS.map((spec) => `(${shapeSource(spec)})`).join("|")})(?!${TOKEN_CHARACTER})`,
  "g"
);
if ((new RegExp(`${CANDIDATE_PATTERN.source}|`).exec("")?.length ?? 0) !== SCANNED_SPECS.length + 1) {
  throw new Error("a provider pattern contains a capturing group; use (?:...)");
}
var IS_TOKEN = new Uint8Array(65536);
for (const range of ["AZ", "az", "09"]) {
  for (let code = range.charCodeAt(0); code <= range.charCodeAt(1); code++) IS_TOKEN[code] = 1;
}
IS_TOKEN["_".charCodeAt(0)] = 1;
IS_TOKEN["-".charCodeAt(0)] = 1;
var ENTRIES = SCANNED_SPECS.map((spec, order) => ({
  order,
  spec,
  pattern: new RegExp(`(?:${shapeSource(spec)})(?!${TOKEN_CHARACTER})`, "y"),
  prefixes: [...new Set(spec.forms.flatMap((form2) => form2.prefixes))],
  prefixCodes: [...new Set(spec.forms.flatMap((form2) => form2.prefixes))].map((prefix) => [...prefix].map((c) => c.charCodeAt(0)))
}));
var HEX_START = "0123456789abcdef";
var BY_FIRST_CHARACTER = /* @__PURE__ */ new Map();
for (const entry of ENTRIES) {
  const starts = new Set(entry.prefixes.flatMap((prefix) => prefix === "" ? [...HEX_START] : [prefix.charAt(0)]));
  for (const start of starts) {
    const code = start.charCodeAt(0);
    const list = BY_FIRST_CHARACTER.get(code) ?? [];
    list.push(entry);
    BY_FIRST_CHARACTER.set(code, list);
  }
}
var MAY_START = new Uint8Array(65536);
for (const code of BY_FIRST_CHARACTER.keys()) MAY_START[code] = 1;
var BY_FIRST_BYTE = Array.from({ length: 256 }, (_, code) => BY_FIRST_CHARACTER.get(code) ?? []);
var DASH = "-".charCodeAt(0);
var PREFIX_PAIRS = new Uint32Array(65536 >>> 5);
for (const entry of ENTRIES) {
  for (const prefix of entry.prefixCodes) {
    if (prefix.length === 1) throw new Error("a one-character key prefix would defeat the pair filter");
    if (prefix.length < 2) continue;
    const pair = prefix[0] << 8 | prefix[1];
    PREFIX_PAIRS[pair >>> 5] = PREFIX_PAIRS[pair >>> 5] | 1 << (pair & 31);
  }
}
var IS_TOKEN_BYTE = IS_TOKEN.slice(0, 256);
var HAS_PREFIXLESS_FORM = ENTRIES.some((entry) => entry.prefixes.includes(""));
var IS_HEX_START = new Uint8Array(256);
for (const c of HEX_START) IS_HEX_START[c.charCodeAt(0)] = 1;

// ../../tmp/check-integrity/electron/core/settings/settings.ts
import { z as z4 } from "zod";

// ../../tmp/check-integrity/electron/core/reminders/reminder-choices.ts
var MIN_LEAD_DAYS = 0;
var MAX_LEAD_DAYS = 365;

// ../../tmp/check-integrity/electron/core/vault/secret-fields.ts
import { z as z3 } from "zod";
var MAX_NAME_LENGTH = 100;
var MAX_PROJECT_LENGTH = MAX_NAME_LENGTH;
var MAX_ENV_VAR_LENGTH = 200;
var MAX_NOTES_LENGTH = 2e3;
var MAX_VALUE_BYTES = 64 * 1024;
var MIN_ROTATE_EVERY_DAYS = 1;
var MAX_ROTATE_EVERY_DAYS = 3650;
var secretNameSchema = z3.string().min(1, "a name cannot be empty").max(MAX_NAME_LENGTH, `a name has at most ${MAX_NAME_LENGTH} characters`).regex(/^[A-Za-z0-9][A-Za-z0-9._\-/@:]*$/, "a name starts with a letter or digit and holds only letters, digits and . _ - / @ :");
var envVarSchema = z3.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an env var name holds letters, digits and _ and does not start with a digit").max(MAX_ENV_VAR_LENGTH, `an env var name has at most ${MAX_ENV_VAR_LENGTH} characters`);
var projectSchema = z3.string().max(MAX_PROJECT_LENGTH, `a project name has at most ${MAX_PROJECT_LENGTH} characters`).regex(/^([A-Za-z0-9][A-Za-z0-9._\-/@:]*)?$/, "a project name holds only letters, digits and . _ - / @ :");
var notesSchema = z3.string().max(MAX_NOTES_LENGTH, `notes have at most ${MAX_NOTES_LENGTH} characters`).refine((notes) => !notes.includes("\0"), "notes cannot contain a NUL character");
var rotateEveryDaysSchema = z3.number().int("the rotation interval is a whole number of days").min(MIN_ROTATE_EVERY_DAYS, `the rotation interval is at least ${MIN_ROTATE_EVERY_DAYS} day`).max(MAX_ROTATE_EVERY_DAYS, `the rotation interval is at most ${MAX_ROTATE_EVERY_DAYS} days`);
function parseField(schema, value, label) {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? "it is not valid";
  throw new RekeyError("invalid-input", `Invalid ${label}: ${reason}.`);
}
function checkRotatedAt(rotatedAt, now) {
  if (Number.isNaN(rotatedAt.getTime())) throw new RekeyError("invalid-input", "Invalid rotation date: use YYYY-MM-DD.");
  if (rotatedAt.getTime() > now.getTime()) {
    throw new RekeyError("invalid-input", "Invalid rotation date: it is in the future.");
  }
  return rotatedAt;
}
function envVarFromName(name) {
  const upper = name.toUpperCase().replace(/[^A-Z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  const safe = upper === "" ? "SECRET" : upper;
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}

// ../../tmp/check-integrity/electron/core/settings/settings.ts
var days = (what, min, max) => z4.number({ error: `${what} must be a whole number of days.` }).int(`${what} must be a whole number of days.`).min(min, `${what} must be at least ${min} ${min === 1 ? "day" : "days"}.`).max(max, `${what} can be at most ${max} days.`);
var settingsShape = {
  defaultRotateEveryDays: days("The rotation interval", MIN_ROTATE_EVERY_DAYS, MAX_ROTATE_EVERY_DAYS),
  leadDays: days("The lead time", MIN_LEAD_DAYS, MAX_LEAD_DAYS),
  overdueRepeatDays: days("The overdue repeat", 1, 90),
  clipboardClearSeconds: z4.number({ error: "Clipboard clearing must be a whole number of seconds." }).int("Clipboard clearing must be a whole number of seconds.").min(5, "Clipboard clearing must wait at least 5 seconds.").max(600, "Clipboard clearing can wait at most 600 seconds."),
  autoLockMinutes: z4.number({ error: "Auto-lock must be a whole number of minutes." }).int("Auto-lock must be a whole number of minutes.").min(0, "Auto-lock cannot be negative; 0 turns it off.").max(1440, "Auto-lock can wait at most 1440 minutes (a day)."),
  launchAtLogin: z4.boolean(),
  notifications: z4.boolean()
};
var SettingsSchema = z4.object(settingsShape).strict();
var SettingsPatchSchema = SettingsSchema.partial().strict();
var DEFAULT_SETTINGS = {
  defaultRotateEveryDays: 90,
  leadDays: 14,
  overdueRepeatDays: 3,
  clipboardClearSeconds: 30,
  autoLockMinutes: 15,
  launchAtLogin: false,
  notifications: true
};

// ../../tmp/check-integrity/electron/core/settings/settings-store.ts
var SettingsStore = class {
  constructor(db) {
    this.db = db;
  }
  db;
  /** Defaults for anything unset; a stored value that no longer validates falls back to its default. */
  read() {
    const rows = this.db.prepare("SELECT key, value FROM settings").all();
    const settings = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      const schema = settingsShape[key];
      if (schema === void 0) continue;
      let parsed;
      try {
        parsed = JSON.parse(value);
      } catch {
        continue;
      }
      const checked = schema.safeParse(parsed);
      if (checked.success) settings[key] = checked.data;
    }
    return settings;
  }
  update(patch) {
    const checked = SettingsPatchSchema.safeParse(patch);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new RekeyError("invalid-input", issue?.message ?? "Those settings are not valid.");
    }
    const put = this.db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(checked.data)) if (value !== void 0) put.run(key, JSON.stringify(value));
    })();
    return this.read();
  }
};

// ../../tmp/check-integrity/electron/core/store/database.ts
import Sqlite from "better-sqlite3";

// ../../tmp/check-integrity/electron/core/store/migrations.ts
var MIGRATIONS = [
  /* 1: the vault */
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE secrets (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    env_var           TEXT NOT NULL,
    provider          TEXT NOT NULL,
    project           TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    rotate_every_days INTEGER NOT NULL CHECK (rotate_every_days BETWEEN 1 AND 3650),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    exposed_at        TEXT,
    -- the current version's facts, kept here so listing 10,000 keys reads one table;
    -- written in the same transaction as the version row they describe
    current_version   INTEGER NOT NULL,
    masked            TEXT NOT NULL,
    rotated_at        TEXT NOT NULL,
    due_at            TEXT NOT NULL
  ) STRICT;
  CREATE INDEX secrets_by_project ON secrets(project);

  CREATE TABLE secret_versions (
    secret_id   TEXT NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL CHECK (version >= 1),
    ciphertext  BLOB NOT NULL,
    nonce       BLOB NOT NULL,
    tag         BLOB NOT NULL,
    fingerprint BLOB NOT NULL,
    masked      TEXT NOT NULL,
    rotated_at  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    retired_at  TEXT,
    PRIMARY KEY (secret_id, version)
  ) STRICT;
  -- exactly one current version per secret, enforced by the database itself
  CREATE UNIQUE INDEX secret_versions_one_current ON secret_versions(secret_id) WHERE retired_at IS NULL;
  CREATE INDEX secret_versions_by_fingerprint ON secret_versions(fingerprint);

  CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    secret_id   TEXT,
    detail_json TEXT NOT NULL,
    prev_mac    BLOB NOT NULL,
    mac         BLOB NOT NULL
  ) STRICT;
  -- guards against our own bugs; a deliberate tamperer is caught by the MAC chain instead
  CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
  CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
  `,
  /* 2: settings, reminders, unlock throttle */
  `
  -- one JSON value per setting; unknown keys from a newer Rekey are kept, not dropped
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- what the reminder engine last told the user about each key, and the key's own overrides
  CREATE TABLE reminder_state (
    secret_id        TEXT PRIMARY KEY REFERENCES secrets(id) ON DELETE CASCADE,
    last_kind        TEXT,
    last_due_at      TEXT,
    last_exposed_at  TEXT,
    last_notified_at TEXT,
    snoozed_until    TEXT,
    lead_days        INTEGER CHECK (lead_days BETWEEN 0 AND 365)
  ) STRICT;

  -- wrong master passwords: persisted, so restarting the app or the CLI does not reset the delay
  CREATE TABLE unlock_throttle (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    failures     INTEGER NOT NULL,
    not_before   TEXT NOT NULL
  ) STRICT;
  `
];
var SCHEMA_VERSION = MIGRATIONS.length;
function migrate(db) {
  const current = db.pragma("user_version", { simple: true });
  if (current > SCHEMA_VERSION) {
    throw new Error(`vault schema version ${current} is newer than this Rekey understands (${SCHEMA_VERSION})`);
  }
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version - 1];
    if (sql === void 0) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}

// ../../tmp/check-integrity/electron/core/store/database.ts
var BUSY_TIMEOUT_MS = 1e4;
function openDatabase(path, options) {
  let db;
  try {
    db = new Sqlite(path, { fileMustExist: !options.create });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RekeyError("integrity", `Cannot open the vault database at ${path}: ${reason}`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("secure_delete = ON");
    db.pragma("cache_size = -32000");
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof RekeyError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RekeyError("integrity", `The vault database at ${path} cannot be used: ${reason}`);
  }
}

// ../../tmp/check-integrity/electron/core/store/secret-repository.ts
var LIST_COLUMNS = `id, name, env_var, provider, project, notes, rotate_every_days, created_at, updated_at,
  exposed_at, current_version AS version, masked, rotated_at, due_at`;
var SecretRepository = class {
  constructor(db) {
    this.db = db;
    this.stmts = {
      listAll: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets`),
      listByProject: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE project = ?`),
      // byUrgency's order (exposed first, then due date, then name; names are ASCII, so SQLite's
      // byte order is JavaScript's), so the first rows need not summarise the whole table
      mostUrgent: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE @project IS NULL OR project = @project
        ORDER BY exposed_at IS NULL, due_at, name LIMIT @limit`),
      byName: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE name = ?`),
      byId: db.prepare(`SELECT ${LIST_COLUMNS} FROM secrets WHERE id = ?`),
      idByName: db.prepare("SELECT id FROM secrets WHERE name = ?"),
      insertSecret: db.prepare(`INSERT INTO secrets
        (id, name, env_var, provider, project, notes, rotate_every_days, created_at, updated_at, exposed_at,
         current_version, masked, rotated_at, due_at)
        VALUES (@id, @name, @env_var, @provider, @project, @notes, @rotate_every_days, @created_at, @updated_at, @exposed_at,
         @version, @masked, @rotated_at, @due_at)`),
      setCurrent: db.prepare(`UPDATE secrets SET current_version = @version, masked = @masked, rotated_at = @rotatedAt,
        due_at = @dueAt, updated_at = @updatedAt WHERE id = @secretId`),
      insertVersion: db.prepare(`INSERT INTO secret_versions
        (secret_id, version, ciphertext, nonce, tag, fingerprint, masked, rotated_at, created_at, retired_at)
        VALUES (@secretId, @version, @ciphertext, @nonce, @tag, @fingerprint, @masked, @rotatedAt, @createdAt, NULL)`),
      current: db.prepare(`SELECT secret_id, version, ciphertext, nonce, tag, fingerprint, masked, rotated_at, created_at, retired_at
        FROM secret_versions WHERE secret_id = ? AND retired_at IS NULL`),
      sealed: db.prepare(`SELECT secret_id, version, ciphertext, nonce, tag, fingerprint, masked, rotated_at, created_at, retired_at
        FROM secret_versions WHERE secret_id = ? AND version = ?`),
      versions: db.prepare(`SELECT secret_id, version, masked, rotated_at, created_at, retired_at
        FROM secret_versions WHERE secret_id = ? ORDER BY version DESC`),
      retire: db.prepare("UPDATE secret_versions SET retired_at = ? WHERE secret_id = ? AND version = ?"),
      unretire: db.prepare("UPDATE secret_versions SET retired_at = NULL WHERE secret_id = ? AND version = ?"),
      deleteVersion: db.prepare("DELETE FROM secret_versions WHERE secret_id = ? AND version = ?"),
      deleteSecret: db.prepare("DELETE FROM secrets WHERE id = ?"),
      byFingerprint: db.prepare(`SELECT s.name, v.version, v.retired_at IS NULL AS current
        FROM secret_versions v JOIN secrets s ON s.id = v.secret_id WHERE v.fingerprint = ? ORDER BY s.name, v.version`),
      setRotatedAt: db.prepare("UPDATE secret_versions SET rotated_at = ? WHERE secret_id = ? AND version = ?"),
      allSealed: db.prepare(`SELECT s.name, s.provider, v.secret_id, v.version, v.ciphertext, v.nonce, v.tag, v.fingerprint, v.masked,
        v.rotated_at, v.created_at, v.retired_at FROM secret_versions v JOIN secrets s ON s.id = v.secret_id`)
    };
  }
  db;
  stmts;
  list(project) {
    return project === void 0 ? this.stmts.listAll.all() : this.stmts.listByProject.all(project);
  }
  /** The `limit` most urgent secrets (see byUrgency), of one project or all. */
  mostUrgent(limit, project) {
    return this.stmts.mostUrgent.all({ project: project ?? null, limit });
  }
  findByName(name) {
    return this.stmts.byName.get(name);
  }
  findById(id) {
    return this.stmts.byId.get(id);
  }
  nameExists(name) {
    return this.stmts.idByName.get(name) !== void 0;
  }
  insertSecret(row) {
    this.stmts.insertSecret.run(row);
  }
  /** Points the secret at another version: after rotate, undo, or a new rotation date. */
  setCurrent(secretId, facts, updatedAt) {
    this.stmts.setCurrent.run({ secretId, ...facts, updatedAt });
  }
  insertVersion(version) {
    this.stmts.insertVersion.run({ ...version });
  }
  currentVersion(secretId) {
    return this.stmts.current.get(secretId);
  }
  sealedVersion(secretId, version) {
    return this.stmts.sealed.get(secretId, version);
  }
  versions(secretId) {
    return this.stmts.versions.all(secretId);
  }
  retireVersion(secretId, version, at) {
    this.stmts.retire.run(at, secretId, version);
  }
  restoreVersion(secretId, version) {
    this.stmts.unretire.run(secretId, version);
  }
  deleteVersion(secretId, version) {
    this.stmts.deleteVersion.run(secretId, version);
  }
  deleteSecret(secretId) {
    this.stmts.deleteSecret.run(secretId);
  }
  namesWithFingerprint(fingerprint) {
    return this.stmts.byFingerprint.all(fingerprint).map((row) => ({ ...row, current: row.current === 1 }));
  }
  setRotatedAt(secretId, version, rotatedAt) {
    this.stmts.setRotatedAt.run(rotatedAt, secretId, version);
  }
  /** Partial updates of metadata columns; column names come from the caller's fixed list. */
  updateSecret(secretId, changes, updatedAt) {
    const columns = Object.keys(changes).filter((column) => UPDATABLE_COLUMNS.includes(column));
    const assignments = [...columns.map((column) => `${column} = @${column}`), "updated_at = @updated_at"].join(", ");
    this.db.prepare(`UPDATE secrets SET ${assignments} WHERE id = @id`).run({ ...changes, updated_at: updatedAt, id: secretId });
  }
  *everySealedVersion() {
    yield* this.stmts.allSealed.iterate();
  }
};
var UPDATABLE_COLUMNS = [
  "name",
  "env_var",
  "project",
  "notes",
  "rotate_every_days",
  "exposed_at",
  "provider",
  "due_at"
];

// ../../tmp/check-integrity/electron/core/vault/secret-summary.ts
function summarise(row, judge) {
  const provider = findProvider(row.provider);
  return {
    id: row.id,
    name: row.name,
    envVar: row.env_var,
    provider: row.provider,
    providerName: provider?.displayName ?? row.provider,
    project: row.project,
    notes: row.notes,
    masked: row.masked,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rotatedAt: row.rotated_at,
    rotateEveryDays: row.rotate_every_days,
    dueAt: row.due_at,
    status: judge(row.due_at, row.exposed_at),
    exposedAt: row.exposed_at,
    rotateUrl: provider?.rotateUrl ?? null
  };
}
function summariseVersion(row) {
  return {
    version: row.version,
    masked: row.masked,
    createdAt: row.created_at,
    rotatedAt: row.rotated_at,
    retiredAt: row.retired_at,
    current: row.retired_at === null
  };
}
function byUrgency(a, b) {
  const exposed = Number(b.status === "exposed") - Number(a.status === "exposed");
  if (exposed !== 0) return exposed;
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// ../../tmp/check-integrity/electron/core/vault/secret-value.ts
function checkSecretValue(value, label) {
  if (value.length === 0) throw new RekeyError("invalid-input", `The value for ${label} is empty.`);
  if (!value.isWellFormed()) {
    throw new RekeyError("invalid-input", `The value for ${label} is not valid Unicode text (it holds a lone surrogate).`);
  }
  if (value.includes("\0")) {
    throw new RekeyError("invalid-input", `The value for ${label} contains a NUL byte, which no environment variable can hold.`);
  }
  const bytes = Buffer.byteLength(value, "utf8");
  if (bytes > MAX_VALUE_BYTES) {
    throw new RekeyError("invalid-input", `The value for ${label} is ${bytes} bytes; Rekey stores values up to ${MAX_VALUE_BYTES} bytes (64 KiB).`);
  }
  return value;
}

// ../../tmp/check-integrity/electron/core/vault/vault-paths.ts
import { join, resolve } from "node:path";
var VAULT_DB_FILE = "vault.db";
function vaultDatabasePath(home) {
  return join(home, VAULT_DB_FILE);
}

// ../../tmp/check-integrity/electron/core/vault/unlock-throttle.ts
import { addSeconds, differenceInSeconds } from "date-fns";
function throttleDelaySeconds(failures) {
  if (failures < 2) return 0;
  return Math.min(2 ** (failures - 2), 300);
}
var UnlockThrottle = class {
  constructor(db, clock) {
    this.db = db;
    this.clock = clock;
  }
  db;
  clock;
  failures() {
    return this.row()?.failures ?? 0;
  }
  /** Throws 'throttled' when the next attempt is not allowed yet; no password is tried then. */
  check() {
    const row = this.row();
    if (!row) return;
    const wait = differenceInSeconds(new Date(row.not_before), this.clock.now(), { roundingMethod: "ceil" });
    if (wait > 0) throw throttled(wait);
  }
  /** Records a wrong password; returns the seconds until the next attempt is allowed. */
  recordFailure() {
    const failures = this.failures() + 1;
    const delay = throttleDelaySeconds(failures);
    this.db.prepare("INSERT INTO unlock_throttle (id, failures, not_before) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET failures = excluded.failures, not_before = excluded.not_before").run(failures, addSeconds(this.clock.now(), delay).toISOString());
    return delay;
  }
  reset() {
    this.db.prepare("DELETE FROM unlock_throttle").run();
  }
  row() {
    return this.db.prepare("SELECT failures, not_before FROM unlock_throttle WHERE id = 1").get();
  }
};
function seconds(n) {
  return `${n} ${n === 1 ? "second" : "seconds"}`;
}
function throttled(wait) {
  return new RekeyError("throttled", `Too many wrong master passwords. Try again in ${seconds(wait)}.`);
}

// ../../tmp/check-integrity/electron/core/vault/vault.ts
var UNDO_GRACE_DAYS = 7;
var REVEAL_ACTIONS = {
  reveal: "secret.reveal",
  copy: "secret.copy",
  export: "secret.export",
  run: "secret.run"
};
var META = { vaultId: "vault_id", keyCheck: "key_check", createdAt: "created_at" };
var Vault = class _Vault {
  constructor(db, keys, vaultKey, vaultId, path, options) {
    this.db = db;
    this.vaultId = vaultId;
    this.path = path;
    this.keys = keys;
    this.vaultKey = Buffer.from(vaultKey);
    this.clock = options.clock ?? systemClock;
    this.leadDays = options.leadDays;
    this.settingsStore = new SettingsStore(db);
    this.secrets = new SecretRepository(db);
    this.audit = new AuditLog(db, keys.audit);
  }
  db;
  vaultId;
  path;
  secrets;
  audit;
  clock;
  leadDays;
  settingsStore;
  keys;
  /** Kept only so a backup can carry it; wiped with the subkeys on close. */
  vaultKey;
  static exists(home) {
    return existsSync(vaultDatabasePath(home));
  }
  /** Creates the vault key in the keychain first: a vault file without its key is useless. */
  static async init(options) {
    const path = vaultDatabasePath(options.home);
    if (existsSync(path)) throw new RekeyError("already-initialised", `A vault already exists at ${path}.`);
    mkdirSync(options.home, { recursive: true, mode: 448 });
    const vaultId = randomUUID();
    const vaultKey = newVaultKey();
    const account = vaultKeyAccount(vaultId);
    await options.keyStore.set(account, encodeVaultKey(vaultKey));
    let db;
    try {
      db = openDatabase(path, { create: true });
      chmodSync(path, 384);
      const keys = deriveVaultKeys(vaultKey, vaultId);
      const vault2 = new _Vault(db, keys, vaultKey, vaultId, path, options);
      vaultKey.fill(0);
      vault2.initialise();
      return vault2;
    } catch (error) {
      db?.close();
      await options.keyStore.delete(account).catch(() => false);
      throw error;
    }
  }
  /** Exactly one keychain read per unlock. */
  static async open(options) {
    const path = vaultDatabasePath(options.home);
    if (!existsSync(path)) {
      throw new RekeyError("not-initialised", `No vault at ${path}. Run \`rekey init\` to create one (or set REKEY_HOME).`);
    }
    const db = openDatabase(path, { create: false });
    try {
      const meta = db.prepare("SELECT key, value FROM meta").all();
      const read = (key) => meta.find((row) => row.key === key)?.value;
      const vaultId = read(META.vaultId);
      const keyCheck = read(META.keyCheck);
      if (vaultId === void 0 || keyCheck === void 0) {
        throw new RekeyError("integrity", `The vault at ${path} is incomplete (its identity record is missing).`);
      }
      const vaultKey = await readVaultKey(db, path, vaultId, options);
      const keys = vaultKey && deriveVaultKeys(vaultKey, vaultId);
      try {
        if (!vaultKey || !keys || !keyCheckMatches(keys, keyCheck)) {
          throw new RekeyError(
            "wrong-vault-key",
            `The vault key in the ${options.keyStore.description} does not belong to the vault at ${path}.`
          );
        }
        return new _Vault(db, keys, vaultKey, vaultId, path, options);
      } finally {
        vaultKey?.fill(0);
      }
    } catch (error) {
      db.close();
      throw error;
    }
  }
  close() {
    if (this.keys) wipeVaultKeys(this.keys);
    this.keys = null;
    this.vaultKey?.fill(0);
    this.vaultKey = null;
    if (this.db.open) this.db.close();
  }
  // ---- reading metadata (never decrypts) ------------------------------------------------
  list(filter = {}) {
    const judge = this.judge();
    const rows = filter.limit !== void 0 && filter.status === void 0 ? this.secrets.mostUrgent(filter.limit, filter.project) : this.secrets.list(filter.project);
    const all = rows.map((row) => summarise(row, judge));
    const wanted = filter.status === void 0 ? all : all.filter((secret) => secret.status === filter.status);
    wanted.sort(byUrgency);
    return filter.limit === void 0 ? wanted : wanted.slice(0, filter.limit);
  }
  show(name) {
    return summarise(this.row(name), this.judge());
  }
  history(name) {
    return this.secrets.versions(this.row(name).id).map(summariseVersion);
  }
  /** The date until which the newest rotation can still be undone, or null. */
  undoableUntil(name) {
    const versions = this.secrets.versions(this.row(name).id);
    const [current, previous] = versions;
    if (!current || !previous) return null;
    const until = addDays2(new Date(current.created_at), UNDO_GRACE_DAYS);
    return this.clock.now() < until ? until.toISOString() : null;
  }
  // ---- changes -------------------------------------------------------------------------
  add(input, value) {
    return this.addMany([{ input, value }])[0];
  }
  /** All or nothing: one transaction for the whole batch (the import path). */
  addMany(items2) {
    const now = this.clock.now();
    const judge = this.judge();
    const userDefault = this.settingsStore.read().defaultRotateEveryDays;
    const prepared = items2.map(({ input, value }) => this.prepareNew(input, value, now, userDefault));
    const seen = /* @__PURE__ */ new Set();
    for (const item of prepared) {
      if (seen.has(item.name)) throw new RekeyError("already-exists", `The name "${item.name}" appears twice in this batch.`);
      seen.add(item.name);
    }
    const created = this.db.transaction(
      () => prepared.map((item) => {
        if (this.secrets.nameExists(item.name)) {
          throw new RekeyError("already-exists", `A secret named "${item.name}" already exists.`);
        }
        const stamp = now.toISOString();
        const id = randomUUID();
        const version = this.sealVersion(id, 1, item.value, item.fingerprint, item.rotatedAt.toISOString(), stamp, item.provider);
        const row = {
          id,
          name: item.name,
          env_var: item.envVar,
          provider: item.provider,
          project: item.project,
          notes: item.notes,
          rotate_every_days: item.rotateEveryDays,
          created_at: stamp,
          updated_at: stamp,
          exposed_at: null,
          version: 1,
          masked: version.masked,
          rotated_at: version.rotatedAt,
          due_at: dueDate(item.rotatedAt, item.rotateEveryDays).toISOString()
        };
        const duplicates = this.secrets.namesWithFingerprint(item.fingerprint).filter((hit) => hit.current);
        this.secrets.insertSecret(row);
        this.secrets.insertVersion(version);
        this.audit.append(now, "secret.add", id, { name: item.name, provider: item.provider, project: item.project });
        const warnings = [...item.warnings];
        if (duplicates.length > 0) {
          warnings.push(`The same value is already stored as ${duplicates.map((hit) => `"${hit.name}"`).join(", ")}.`);
        }
        return { secret: summarise(row, judge), warnings };
      })
    ).immediate();
    return created;
  }
  rotate(name, value) {
    const row = this.row(name);
    checkSecretValue(value, `"${name}"`);
    const now = this.clock.now();
    const stamp = now.toISOString();
    const warnings = [];
    const formatWarning = checkFormat(row.provider, value);
    if (formatWarning) warnings.push(formatWarning);
    const fingerprint = fingerprintValue(this.unlocked(), value);
    const reused = this.secrets.namesWithFingerprint(fingerprint);
    if (reused.some((hit) => hit.name === row.name)) {
      warnings.push(`"${row.name}" held this same value before; a rotation normally brings a new value.`);
    }
    const version = this.sealVersion(row.id, row.version + 1, value, fingerprint, stamp, stamp, row.provider);
    this.db.transaction(() => {
      this.secrets.retireVersion(row.id, row.version, stamp);
      this.secrets.insertVersion(version);
      this.secrets.setCurrent(row.id, this.currentFacts(version.version, version.masked, stamp, row.rotate_every_days), stamp);
      this.secrets.updateSecret(row.id, { exposed_at: null }, stamp);
      this.audit.append(now, "secret.rotate", row.id, { name: row.name, version: row.version + 1 });
    }).immediate();
    return { secret: this.show(name), warnings };
  }
  undoRotate(name) {
    const row = this.row(name);
    const [current, previous] = this.secrets.versions(row.id);
    if (!current || !previous) {
      throw new RekeyError("nothing-to-undo", `"${name}" has never been rotated, so there is nothing to undo.`);
    }
    const now = this.clock.now();
    const age = differenceInCalendarDays2(now, new Date(current.created_at));
    if (now >= addDays2(new Date(current.created_at), UNDO_GRACE_DAYS)) {
      throw new RekeyError(
        "grace-period-over",
        `The last rotation of "${name}" was ${age} days ago; a rotation can be undone within ${UNDO_GRACE_DAYS} days.`
      );
    }
    const restored = this.secrets.sealedVersion(row.id, previous.version);
    const plain = restored && open(this.unlocked().encryption, restored, secretAssociatedData(row.id, previous.version));
    if (!plain) {
      throw new RekeyError(
        "integrity",
        `Cannot undo the rotation of "${name}": its previous value (version ${previous.version}) failed its integrity check. The current value was kept.`
      );
    }
    plain.fill(0);
    this.db.transaction(() => {
      this.secrets.deleteVersion(row.id, current.version);
      this.secrets.restoreVersion(row.id, previous.version);
      const facts = this.currentFacts(previous.version, previous.masked, previous.rotated_at, row.rotate_every_days);
      this.secrets.setCurrent(row.id, facts, now.toISOString());
      this.audit.append(now, "secret.undo-rotate", row.id, { name: row.name, restoredVersion: previous.version });
    }).immediate();
    return this.show(name);
  }
  edit(name, patch) {
    const row = this.row(name);
    const now = this.clock.now();
    const changes = {};
    if (patch.name !== void 0 && patch.name !== row.name) {
      const newName = parseField(secretNameSchema, patch.name, "name");
      if (this.secrets.nameExists(newName)) throw new RekeyError("already-exists", `A secret named "${newName}" already exists.`);
      changes.name = newName;
    }
    if (patch.envVar !== void 0) changes.env_var = parseField(envVarSchema, patch.envVar, "env var name");
    if (patch.project !== void 0) changes.project = parseField(projectSchema, patch.project, "project");
    if (patch.notes !== void 0) changes.notes = parseField(notesSchema, patch.notes, "notes");
    if (patch.rotateEveryDays !== void 0) {
      changes.rotate_every_days = parseField(rotateEveryDaysSchema, patch.rotateEveryDays, "rotation interval");
    }
    if (patch.provider !== void 0) changes.provider = this.knownProvider(patch.provider).id;
    const rotatedAt = patch.rotatedAt === void 0 ? void 0 : checkRotatedAt(patch.rotatedAt, now).toISOString();
    const fields = [...Object.keys(changes), ...rotatedAt === void 0 ? [] : ["rotated_at"]];
    if (fields.length === 0) throw new RekeyError("invalid-input", `Nothing to change for "${name}": give at least one field.`);
    const interval = typeof changes.rotate_every_days === "number" ? changes.rotate_every_days : row.rotate_every_days;
    const facts = this.currentFacts(row.version, row.masked, rotatedAt ?? row.rotated_at, interval);
    this.db.transaction(() => {
      this.secrets.updateSecret(row.id, changes, now.toISOString());
      if (rotatedAt !== void 0) this.secrets.setRotatedAt(row.id, row.version, rotatedAt);
      this.secrets.setCurrent(row.id, facts, now.toISOString());
      this.audit.append(now, "secret.edit", row.id, { name: String(changes.name ?? row.name), fields: fields.map(camel) });
    }).immediate();
    return this.showById(row.id);
  }
  markExposed(name) {
    return this.setExposed(name, true);
  }
  clearExposed(name) {
    return this.setExposed(name, false);
  }
  remove(name) {
    const row = this.row(name);
    const now = this.clock.now();
    this.db.transaction(() => {
      this.secrets.deleteSecret(row.id);
      this.audit.append(now, "secret.delete", row.id, { name: row.name });
    }).immediate();
  }
  // ---- values leaving the vault (always audited) ---------------------------------------
  reveal(name, purpose) {
    return this.withRevealed([this.row(name)], purpose, {}, (values) => values[0]);
  }
  /**
   * Decrypts, lets `use` do its work, and only if it succeeds records one audit entry per
   * secret in one transaction: a refused export is not logged as a disclosure.
   */
  withRevealed(secrets, purpose, detail, use) {
    const values = secrets.map((secret) => this.decryptCurrent(secret));
    const result = use(values);
    const now = this.clock.now();
    const action = REVEAL_ACTIONS[purpose];
    this.db.transaction(() => this.audit.appendMany(now, secrets.map((secret) => ({ action, secretId: secret.id, detail: { name: secret.name, ...detail } })))).immediate();
    return result;
  }
  /**
   * Runs a check over decrypted values inside core and returns only its verdict, unaudited:
   * for questions like "can dotenv carry these?" whose answer holds no value. Anything that
   * hands values on goes through withRevealed.
   */
  checkValues(secrets, check) {
    return check(secrets.map((secret) => this.decryptCurrent(secret)));
  }
  // ---- audit ---------------------------------------------------------------------------
  auditEvents() {
    return this.audit.events();
  }
  verifyAudit() {
    return this.audit.verify();
  }
  /** Checks every stored version decrypts under this vault key; names the ones that don't. */
  verifyValues() {
    const keys = this.unlocked();
    const broken = [];
    let checked = 0;
    for (const row of this.secrets.everySealedVersion()) {
      checked++;
      const plain = open(keys.encryption, row, secretAssociatedData(row.secret_id, row.version));
      if (plain === null) broken.push({ name: row.name, version: row.version });
      plain?.fill(0);
    }
    return { checked, broken };
  }
  /**
   * Every stored version, current and previous, decrypted for `use` and wiped when it
   * returns: the leak scanner's list of exact values. Nothing leaves core, so unlike
   * withRevealed this is not a disclosure and is not audited.
   */
  async withEveryValue(use) {
    const keys = this.unlocked();
    const values = [];
    try {
      for (const row of this.secrets.everySealedVersion()) {
        const plain = open(keys.encryption, row, secretAssociatedData(row.secret_id, row.version));
        if (plain === null) {
          throw new RekeyError("integrity", `The stored value of "${row.name}" (version ${row.version}) failed its integrity check; \`rekey audit verify\` lists every such value.`);
        }
        values.push({
          bytes: plain,
          secretId: row.secret_id,
          name: row.name,
          version: row.version,
          current: row.retired_at === null,
          providerId: row.provider,
          masked: row.masked
        });
      }
      return await use(values);
    } finally {
      for (const value of values) value.bytes.fill(0);
    }
  }
  /** Which stored values (current or previous) equal `value`, by fingerprint. */
  whoHolds(value) {
    return this.secrets.namesWithFingerprint(fingerprintValue(this.unlocked(), value));
  }
  // ---- backup --------------------------------------------------------------------------
  /**
   * The whole vault as one consistent SQLite image (secrets with every kept version, metadata,
   * the audit log), with the backup itself on record in that same log.
   */
  backupImage(detail) {
    if (!this.vaultKey) throw new RekeyError("invalid-input", "The vault is closed.");
    const now = this.clock.now();
    this.db.transaction(() => this.audit.append(now, "vault.backup", null, detail)).immediate();
    return { image: this.db.serialize(), vaultKey: encodeVaultKey(this.vaultKey) };
  }
  /** Appends the restore to the audit log of the vault that was just restored. */
  recordRestore(detail) {
    const now = this.clock.now();
    this.db.transaction(() => this.audit.append(now, "vault.restore", null, detail)).immediate();
  }
  /** SQLite's own check of the file's structure: 'ok', or its first complaint. */
  integrityCheck() {
    const rows = this.db.pragma("integrity_check");
    return rows.map((row) => row.integrity_check).join("; ");
  }
  /** How much a backup of this vault carries, for the messages around it. */
  contents() {
    const count = (table) => this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get().n;
    return { secrets: count("secrets"), versions: count("secret_versions"), auditEntries: count("audit_events") };
  }
  // ---- internals -----------------------------------------------------------------------
  initialise() {
    const keys = this.unlocked();
    const now = this.clock.now();
    this.db.transaction(() => {
      const put = this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
      put.run(META.vaultId, this.vaultId);
      put.run(META.keyCheck, keyCheckValue(keys));
      put.run(META.createdAt, now.toISOString());
      this.audit.append(now, "vault.init", null, { vaultId: this.vaultId });
    }).immediate();
  }
  unlocked() {
    if (!this.keys) throw new RekeyError("invalid-input", "The vault is closed.");
    return this.keys;
  }
  row(name) {
    const row = this.secrets.findByName(name);
    if (!row) throw new RekeyError("not-found", `No secret named "${name}". \`rekey list\` shows the names.`);
    return row;
  }
  showById(id) {
    const row = this.secrets.findById(id);
    if (!row) throw new RekeyError("not-found", "The secret disappeared while it was being changed.");
    return summarise(row, this.judge());
  }
  judge() {
    return statusJudge(this.clock.now(), this.leadDays ?? this.settingsStore.read().leadDays ?? DEFAULT_LEAD_DAYS);
  }
  currentFacts(version, masked, rotatedAt, rotateEveryDays) {
    return { version, masked, rotatedAt, dueAt: dueDate(new Date(rotatedAt), rotateEveryDays).toISOString() };
  }
  /** A provider's own interval (AWS: 60) wins; otherwise the user's default from settings. */
  defaultInterval(providerDefault, userDefault) {
    return providerDefault === DEFAULT_ROTATE_EVERY_DAYS ? userDefault : providerDefault;
  }
  knownProvider(id) {
    const provider = findProvider(id);
    if (!provider) {
      checkFormat(id, "");
      throw new RekeyError("invalid-input", `Unknown provider "${id}".`);
    }
    return provider;
  }
  prepareNew(input, value, now, userDefault) {
    const name = parseField(secretNameSchema, input.name, "name");
    checkSecretValue(value, `"${name}"`);
    const warnings = [];
    let provider;
    if (input.provider !== void 0) {
      provider = this.knownProvider(input.provider);
      const formatWarning = checkFormat(provider.id, value);
      if (formatWarning) warnings.push(formatWarning);
    } else {
      provider = detectProvider(value);
    }
    const envVar = parseField(envVarSchema, input.envVar ?? provider.suggestedEnvVar ?? envVarFromName(name), "env var name");
    return {
      name,
      value,
      warnings,
      provider: provider.id,
      envVar,
      project: parseField(projectSchema, input.project ?? "", "project"),
      notes: parseField(notesSchema, input.notes ?? "", "notes"),
      rotateEveryDays: parseField(rotateEveryDaysSchema, input.rotateEveryDays ?? this.defaultInterval(provider.defaultRotateEveryDays, userDefault), "rotation interval"),
      rotatedAt: input.rotatedAt === void 0 ? now : checkRotatedAt(input.rotatedAt, now),
      fingerprint: fingerprintValue(this.unlocked(), value)
    };
  }
  sealVersion(secretId, version, value, fingerprint, rotatedAt, createdAt, providerId) {
    const plaintext = Buffer.from(value, "utf8");
    const sealed = seal(this.unlocked().encryption, plaintext, secretAssociatedData(secretId, version));
    plaintext.fill(0);
    const masked = maskValue(value, providerId === GENERIC_PROVIDER_ID ? void 0 : providerId);
    return { secretId, version, ...sealed, fingerprint, masked, rotatedAt, createdAt };
  }
  decryptCurrent(secret) {
    const sealed = this.secrets.currentVersion(secret.id);
    const plain = sealed && open(this.unlocked().encryption, sealed, secretAssociatedData(secret.id, sealed.version));
    if (!plain) {
      throw new RekeyError(
        "integrity",
        `The stored value of "${secret.name}"${sealed ? ` (version ${sealed.version})` : ""} failed its integrity check: it was altered, moved or sealed under another key. Other secrets are not affected.`
      );
    }
    const value = plain.toString("utf8");
    plain.fill(0);
    return value;
  }
  setExposed(name, exposed) {
    const row = this.row(name);
    const now = this.clock.now();
    this.db.transaction(() => {
      this.secrets.updateSecret(row.id, { exposed_at: exposed ? now.toISOString() : null }, now.toISOString());
      this.audit.append(now, exposed ? "secret.expose" : "secret.unexpose", row.id, { name: row.name });
    }).immediate();
    return this.show(name);
  }
};
async function readVaultKey(db, path, vaultId, options) {
  const account = vaultKeyAccount(vaultId);
  const stored = await options.keyStore.get(account);
  if (stored === null) {
    throw new RekeyError(
      "keychain-key-missing",
      `The vault key for ${path} is not in the ${options.keyStore.description} (account ${account}). Without it the stored values cannot be decrypted; restore the keychain item, or move the vault aside and run \`rekey init\`.`
    );
  }
  if (!isWrappedVaultKey(stored)) return decodeVaultKey(stored);
  if (!options.askPassword) throw new RekeyError("password-required", "This vault is locked with a master password; it is needed to open it.");
  const throttle = new UnlockThrottle(db, options.clock ?? systemClock);
  throttle.check();
  const password = await options.askPassword();
  const unwrapped = await unwrapVaultKey(stored, password, vaultId);
  if (!unwrapped.ok) {
    if (unwrapped.reason === "damaged") return null;
    const wait = throttle.recordFailure();
    throw new RekeyError("wrong-password", wait > 0 ? `Wrong master password. Try again in ${seconds(wait)}.` : "Wrong master password.");
  }
  throttle.reset();
  const cost = options.kdfCost;
  const params = wrappedKdfParams(stored);
  if (cost && params && (params.N < cost.N || params.r < cost.r || params.p < cost.p)) {
    await options.keyStore.set(account, await wrapVaultKey(unwrapped.vaultKey, password, vaultId, newKdfParams(cost)));
  }
  return unwrapped.vaultKey;
}
function camel(column) {
  return column.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
}

// ../../tmp/check-integrity/electron/core/dotenv/formats.ts
var EXPORT_FORMATS = Object.freeze(["dotenv", "shell", "json"]);

// ../../tmp/check-integrity/electron/core/dotenv/parse-env-file.ts
import dotenv from "dotenv";
var MAX_IMPORT_BYTES = 5 * 1024 * 1024;

// ../../tmp/check-integrity/electron/core/reminders/reminder-engine.ts
import { addDays as addDays3, isBefore as isBefore2, isSameDay, subDays } from "date-fns";
var DAY_MS = 24 * 60 * 60 * 1e3;

// ../../tmp/check-integrity/electron/core/backup/backup.ts
import Sqlite2 from "better-sqlite3";

// ../../tmp/check-integrity/electron/core/backup/backup-file.ts
import { z as z5 } from "zod";
var BACKUP_FORMAT = "rekey-backup";
var BACKUP_VERSION = 1;
var MAX_KDF_MEMORY_BYTES = 1024 * 1024 * 1024;
var MAX_IMAGE_BYTES = 512 * 1024 * 1024;
var headerSchema = z5.object({
  format: z5.literal(BACKUP_FORMAT),
  version: z5.literal(BACKUP_VERSION),
  kdf: KdfParamsSchema.strict(),
  nonce: z5.string().regex(/^[A-Za-z0-9+/]{16}$/),
  check: z5.string().regex(/^[0-9a-f]{64}$/)
}).strict();
var manifestSchema = z5.object({
  vaultId: z5.string().uuid(),
  vaultKey: z5.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  /** The keychain item as it was when it held the key wrapped under a master password. */
  keychainItem: z5.string().startsWith("rekey-wrapped:v1:").max(8192).optional(),
  createdAt: z5.iso.datetime({ offset: true }),
  secrets: z5.number().int().min(0),
  versions: z5.number().int().min(0),
  auditEntries: z5.number().int().min(0)
}).strict();

// ../../tmp/check-integrity/electron/core/scan/known-values.ts
var WINDOW = 8;
var STEP = 8;
var MIN_SAMPLED = STEP + WINDOW - 1;
var BASE = 257;
var FILTER_BITS = 20;
var FILTER_SHIFT = 32 - FILTER_BITS;
var OUT_FACTOR = (() => {
  let factor = 1;
  for (let i = 0; i < WINDOW - 1; i++) factor = Math.imul(factor, BASE);
  return factor;
})();
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// ../../tmp/check-integrity/electron/core/scan/git-objects.ts
var GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: "0" };
var MAX_LISTING_BYTES = 1024 * 1024 * 1024;

// ../../tmp/check-integrity/electron/core/scan/scan-buffer.ts
var BINARY_SNIFF_BYTES = 8 * 1024;

// ../../tmp/check-integrity/electron/core/scan/scan-pool.ts
var MAX_SCRATCH_BYTES = 5 * 1024 * 1024 + 1;

// ../../tmp/check-integrity/electron/core/scan/walk-files.ts
import ignore from "ignore";

// ../../tmp/check-integrity/electron/core/scan/scan.ts
var MAX_FILE_BYTES = 5 * 1024 * 1024;
var PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

// ../../tmp/integrity-perf/list-bench-main.ts
var N = 1e4;
var dir = mkdtempSync(join2(tmpdir(), "perf-"));
var vault = await Vault.init({ home: join2(dir, "v"), keyStore: new MemoryKeyStore() });
var items = Array.from({ length: N }, (_, i) => ({ input: { name: `key-${i}`, project: `p${i % 20}` }, value: `value-${i}-${"x".repeat(30)}` }));
var t = performance.now();
vault.addMany(items);
console.log(`addMany ${N}: ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
for (let i = 0; i < 100; i++) vault.add({ name: `single-${i}` }, `single-value-${i}-xxxxxxxxxxxxxxxx`);
console.log(`add x100: ${((performance.now() - t) / 100).toFixed(2)} ms each`);
var times = [];
for (let i = 0; i < 12; i++) {
  t = performance.now();
  vault.list();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`list ${N + 100}: median ${times[6].toFixed(1)} ms, min ${times[0].toFixed(1)} ms`);
var limited = [];
for (let i = 0; i < 12; i++) {
  t = performance.now();
  vault.list({ limit: 50 });
  limited.push(performance.now() - t);
}
limited.sort((a, b) => a - b);
console.log(`list limit 50: median ${limited[6].toFixed(2)} ms`);
t = performance.now();
vault.reveal("key-5000", "reveal");
console.log(`reveal: ${(performance.now() - t).toFixed(2)} ms`);
vault.close();
rmSync(dir, { recursive: true, force: true });
