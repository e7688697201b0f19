// One error model: domain code throws AppError with a code; actions show `userMessage` (a
// message key in the caller's namespace) and the API maps the code to an RFC 9457 status.

/** Error codes and the HTTP status each maps to. */
export const errorStatus = {
  VALIDATION: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  RATE_LIMITED: 429,
  REAUTH_REQUIRED: 403,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface AppErrorOptions {
  /** A message key the UI translates, e.g. "emailTaken". */
  userMessage?: string;
  /** Field → message key, for forms. */
  fields?: Record<string, string>;
  status?: number;
}

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return this.options.status ?? errorStatus[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError =>
  error instanceof AppError || (error instanceof Error && error.name === "AppError" && "code" in error);
