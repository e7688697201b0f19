import { ConfigError, getConfig, type Config } from "../lib/config";

/** The validated configuration, or exit with a message that names each bad variable. */
export function loadConfigOrExit(): Config {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
