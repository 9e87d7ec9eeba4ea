import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The longest files start first, so the two workers finish together instead of one of them ending the run with
 * a five-minute file it picked up last (a fresh clone, as in CI, has no timings from an earlier run to sort by).
 */
const LONGEST_FIRST = ['e2e/validity.test.ts', 'test/web/properties.test.ts', 'e2e/program.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(relative(process.cwd(), f.moduleId).replaceAll('\\', '/'));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own databases; two workers match the two cores here.
    maxWorkers: 2,
    // Files share their worker's modules instead of importing the app anew each (~1.6 s a file, 124 s of 724
    // in a whole run; 583 s without): no file may leave state behind in a module that another file reads.
    isolate: false,
    sequence: { sequencer: LongestFirst },
  },
});
