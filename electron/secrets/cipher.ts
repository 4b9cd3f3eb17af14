/** Encrypts secrets at rest: Electron safeStorage on the desktop, a key file in the headless face. */
export type Cipher = {
  readonly kind: string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
};
