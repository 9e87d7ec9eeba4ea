/** Asks `probe` every 50 ms until it gives a value (not undefined); fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`Waited ${timeoutMs} ms for ${what} in vain.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
