// The errors users branch on. Each carries, besides its message, the fields a
// caller needs to act without parsing text. Everything else stays a plain Error
// whose message names the file, tensor or argument and what was expected.

/** Base class: every typed Loupe error is a LoupeError. */
export class LoupeError extends Error {
  /** `message` says what went wrong and what was expected. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A file's bytes or metadata are not what its format requires. */
export class FormatError extends LoupeError {
  /** The file (path, URL or name) that was read. */
  readonly file: string;
  /** The tensor or entry concerned, when there is one. */
  readonly tensor?: string;
  /** The message is prefixed with the file: "FILE: message". */
  constructor(file: string, message: string, options?: ErrorOptions & { tensor?: string }) {
    super(`${file}: ${message}`, options);
    this.file = file;
    this.tensor = options?.tensor;
  }
}

/** A module name that the model does not have; `valid` lists the ones it has. */
export class UnknownModuleError extends LoupeError {
  /** The name that was asked for. */
  readonly module: string;
  /** Every valid module name (or a summary of them). */
  readonly valid: readonly string[];
  /** Without `message`, one that lists the valid names. */
  constructor(module: string, valid: readonly string[], message?: string) {
    super(message ?? `unknown module "${module}"; valid names: ${valid.join(", ")}`);
    this.module = module;
    this.valid = valid;
  }
}

/** More tokens than the context (KV cache) holds. */
export class ContextLengthError extends LoupeError {
  /** Tokens the call needs in the context. */
  readonly needed: number;
  /** Tokens the context holds. */
  readonly contextLength: number;
  /** Without `message`, one that gives both numbers. */
  constructor(needed: number, contextLength: number, message?: string) {
    super(message ?? `${needed} tokens do not fit a context of ${contextLength}`);
    this.needed = needed;
    this.contextLength = contextLength;
  }
}

/** An argument or option with a wrong value or combination. */
export class UsageError extends LoupeError {}

/** The GPU device was lost (driver reset, out of memory, destroyed). */
export class DeviceLostError extends LoupeError {
  /** The reason WebGPU gave ("destroyed" or "unknown"). */
  readonly reason: string;
  /** `reason` as WebGPU's GPUDeviceLostInfo gives it. */
  constructor(reason: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

/** A buffer or a total did not fit the device. */
export class OutOfMemoryError extends LoupeError {
  /** Bytes asked for. */
  readonly requested: number;
  /** Bytes available, when known. */
  readonly available?: number;
  /** `available` is undefined when the device does not say. */
  constructor(requested: number, available: number | undefined, message: string) {
    super(message);
    this.requested = requested;
    this.available = available;
  }
}

/** No WebGPU adapter: the message names the missing driver and the fix. */
export class NoAdapterError extends LoupeError {}

/** A call that would interleave with another on state it shares (an engine, a cache). */
export class BusyError extends LoupeError {}
