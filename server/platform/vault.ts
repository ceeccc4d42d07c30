// AR-04: personal data at rest. ID numbers and archive documents are sealed with AES-256-GCM
// (node:crypto); looking an ID number up uses a keyed hash, so the plain value is never stored or queried.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 1; // the first byte of every sealed value, so a later key or cipher can be told apart

export interface Vault {
  seal(plain: Buffer): Buffer;
  /** Throws when the bytes were altered or sealed under another key. */
  open(sealed: Buffer): Buffer;
  sealText(plain: string): string;
  openText(sealed: string): string;
  /** The keyed hash an ID number is searched by (HMAC-SHA256, hex). */
  lookupHash(value: string): string;
}

/** ARCHIVE_KEY (64 hex characters) or a key made once and kept in the data directory, like the session secret. */
export function archiveKey(dataDir: string, env = process.env): Buffer {
  if (env.ARCHIVE_KEY) {
    const key = Buffer.from(env.ARCHIVE_KEY, 'hex');
    if (key.length !== 32) throw new Error('ARCHIVE_KEY must be 64 hexadecimal characters (32 bytes)');
    return key;
  }
  const file = join(dataDir, 'archive-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

export function makeVault(key: Buffer): Vault {
  // Separate keys for sealing and for the lookup hash, derived from the one archive key.
  const sealKey = createHash('sha256').update(key).update('seal').digest();
  const hashKey = createHash('sha256').update(key).update('lookup').digest();
  const seal = (plain: Buffer) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  };
  const open = (sealed: Buffer) => {
    if (sealed[0] !== VERSION || sealed.length < 29) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', sealKey, sealed.subarray(1, 13));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
  };
  return {
    seal,
    open,
    sealText: (plain) => seal(Buffer.from(plain, 'utf8')).toString('base64'),
    openText: (sealed) => open(Buffer.from(sealed, 'base64')).toString('utf8'),
    lookupHash: (value) => createHmac('sha256', hashKey).update(value.trim().toUpperCase()).digest('hex'),
  };
}
