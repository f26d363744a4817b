package org.jflow.bench;

import java.util.function.Supplier;

/**
 * Best-of-N timing: a warm-up phase lets the JIT compile the path, then repetitions run until a
 * time budget is spent; the fastest repetition is the least disturbed by the machine's other work.
 */
final class Timer {
    /** Every result is stored here, so the JIT cannot drop a call whose value goes unused. */
    private static volatile Object sink;

    private final double warmupSeconds;
    private final double budgetSeconds;
    private final int minReps;

    Timer(double warmupSeconds, double budgetSeconds, int minReps) {
        this.warmupSeconds = warmupSeconds;
        this.budgetSeconds = budgetSeconds;
        this.minReps = minReps;
    }

    /** Seconds per call of {@code body}, as the best of repetitions of {@code callsPerRep} calls. */
    double secondsPerCall(int callsPerRep, Supplier<?> body) {
        repeat(warmupSeconds, 1, callsPerRep, body);
        return repeat(budgetSeconds, minReps, callsPerRep, body) / callsPerRep;
    }

    /**
     * As {@link #secondsPerCall}, with a warm-up that also lasts until the JIT has settled: rounds of the
     * warm-up time repeat while a round's best call is still clearly faster than the round's before (at
     * most {@code maxWarmupSeconds}). Vector API loops run boxed and hundreds of times slower until C2
     * compiles them, which on a loaded machine can take seconds after the fixed warm-up has ended.
     */
    double secondsPerCallSettled(double maxWarmupSeconds, Supplier<?> body) {
        long end = System.nanoTime() + (long) (maxWarmupSeconds * 1e9);
        double previous = repeat(warmupSeconds, 1, 1, body);
        while (System.nanoTime() < end) {
            double round = repeat(warmupSeconds, 1, 1, body);
            if (round > 0.9 * previous) break;
            previous = round;
        }
        return repeat(budgetSeconds, minReps, 1, body);
    }

    private static double repeat(double budgetSeconds, int minReps, int calls, Supplier<?> body) {
        long end = System.nanoTime() + (long) (budgetSeconds * 1e9);
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < minReps || System.nanoTime() < end; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) sink = body.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
