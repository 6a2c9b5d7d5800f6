// One engine has one set of scratch buffers per device, and a device has one
// active-recorder slot: two passes recorded at once would overwrite each
// other's tokens and activations. Calls that use them therefore run one at a
// time, in call order (one engine, one GPU queue); a generation queues once per
// step, so other calls may run between steps.

export class CallQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #busy = false;
  /** Live generations (each holds its KV cache between steps); dispose retires them. */
  readonly #holders = new Set<{ retire(reason: Error): void }>();
  readonly #before: () => void;
  readonly #after: () => void;

  /** `before` runs as each call starts (it throws to refuse it); `after` as each ends. */
  constructor(before: () => void, after: () => void) {
    this.#before = before;
    this.#after = after;
  }

  /** True while a queued call runs. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Runs `fn` once every call queued before it has settled. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(async () => {
      this.#before();
      this.#busy = true;
      try {
        return await fn();
      } finally {
        this.#busy = false;
        this.#after();
      }
    });
    this.#tail = run.catch(() => {});
    return run;
  }

  /** Registers a generation that keeps using its KV cache between its steps. */
  hold(holder: { retire(reason: Error): void }): void {
    this.#holders.add(holder);
  }

  /** Forgets a holder that ended. */
  drop(holder: { retire(reason: Error): void }): void {
    this.#holders.delete(holder);
  }

  /** Retires every holder (the engine is gone). */
  retireHolders(reason: () => Error): void {
    for (const h of this.#holders) h.retire(reason());
    this.#holders.clear();
  }
}
