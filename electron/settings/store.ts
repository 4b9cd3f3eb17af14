/** Where settings are kept: electron-store in the desktop face, its `conf` base in the headless face. */
export type SettingsStore = {
  read(): unknown;
  write(value: unknown): void;
  /** Path of the file on disk, shown to the user when something about it goes wrong. */
  readonly path: string;
};
