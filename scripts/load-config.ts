import { ConfigError, getConfig, readTlsFiles, type Config } from "../lib/config";

function orExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** The validated configuration, or exit with a message that names each bad variable. */
export function loadConfigOrExit(): Config {
  return orExit(getConfig);
}

/** The TLS certificate and key when TLS_CERT_FILE/TLS_KEY_FILE are set, or exit naming the bad one. */
export function loadTlsOrExit(config: Config): { cert: Buffer; key: Buffer } | null {
  return orExit(() => readTlsFiles(config));
}
