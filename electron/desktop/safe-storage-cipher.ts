import { safeStorage } from 'electron';

import type { Cipher } from '../secrets/cipher';
import { keyFileCipher } from '../secrets/key-file-cipher';

/**
 * The OS keychain through Electron's safeStorage. On Linux without a keyring safeStorage falls back to a
 * hard-coded key ("basic_text"), which is no protection at all; the key file is better there.
 */
export function desktopCipher(dataDir: string): Cipher {
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) return keyFileCipher(dataDir);
  return {
    kind: 'safe-storage',
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
