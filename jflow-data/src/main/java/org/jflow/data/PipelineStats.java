package org.jflow.data;

import org.jflow.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Statistics of a pipeline's stages, the idea of TF 1's {@code bytes_produced_stats} and
 * {@code latency_stats} (gone from TF 2) in a Java form: {@code ds.apply(stats.stage("decode"))} marks
 * the point after a stage, and every element passing it is counted with its size in bytes (tensor
 * data; strings by length) and its latency, the time the consumer waited for it. {@link #toString()}
 * prints one line per stage: elements, elements/s (over the time from the first request to the last
 * element), bytes, bytes per element and latency mean, p50 and p99 in microseconds.
 */
public final class PipelineStats {
    private final Map<String, Stage> stages = new LinkedHashMap<>();

    /** The transformation that records stage {@code name}; elements pass unchanged. */
    public <T> Function<Dataset<T>, Dataset<T>> stage(String name) {
        Stage s;
        synchronized (stages) {
            s = stages.computeIfAbsent(name, Stage::new);
        }
        return input -> new Recorded<>(input, s);
    }

    /** One stage's numbers so far. */
    public Stage get(String name) {
        synchronized (stages) {
            Stage s = stages.get(name);
            if (s == null) throw new IllegalArgumentException("no stage " + name + " in " + stages.keySet());
            return s;
        }
    }

    /** The numbers of one stage. */
    public static final class Stage {
        private final String name;
        private long elements, bytes, firstRequestNanos = -1, lastElementNanos;
        private long[] latencies = new long[64];

        Stage(String name) { this.name = name; }

        synchronized void record(long requested, long delivered, long size) {
            if (firstRequestNanos < 0) firstRequestNanos = requested;
            lastElementNanos = delivered;
            if (elements == latencies.length) latencies = Arrays.copyOf(latencies, latencies.length * 2);
            latencies[(int) elements++] = delivered - requested;
            bytes += size;
        }

        public synchronized long elements() { return elements; }

        public synchronized long bytes() { return bytes; }

        /** Elements per second between the first request and the last element. */
        public synchronized double elementsPerSecond() {
            long span = lastElementNanos - firstRequestNanos;
            return span <= 0 ? 0 : elements * 1e9 / span;
        }

        /** The {@code q}-quantile (0..1) of the latencies, in microseconds. */
        public synchronized double latencyMicros(double q) {
            if (elements == 0) return 0;
            long[] sorted = Arrays.copyOf(latencies, (int) elements);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(elements - 1, Math.round(q * (elements - 1)))] / 1e3;
        }

        public synchronized double meanLatencyMicros() {
            if (elements == 0) return 0;
            long sum = 0;
            for (int i = 0; i < elements; i++) sum += latencies[i];
            return sum / 1e3 / elements;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-16s %10d %12.1f %14d %12.1f %12.1f %10.1f %10.1f", name, elements(),
                    elementsPerSecond(), bytes(), elements() == 0 ? 0.0 : (double) bytes() / elements(), meanLatencyMicros(),
                    latencyMicros(0.5), latencyMicros(0.99));
        }
    }

    /** Every stage, one line each, under a header. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-16s %10s %12s %14s %12s %12s %10s %10s", "stage", "elements", "elements/s",
                "bytes", "bytes/elem", "latency us", "p50 us", "p99 us"));
        synchronized (stages) {
            for (Stage s : stages.values()) lines.add(s.toString());
        }
        return String.join("\n", lines);
    }

    /** The size of an element's tensors in bytes: data bytes, strings by their lengths. */
    static long bytesOf(Object element) {
        long n = 0;
        for (Object leaf : Structure.leaves(element)) {
            if (!(leaf instanceof Tensor t)) continue;
            if (t.dtype() == org.jflow.DType.STRING) for (byte[] b : (byte[][]) t.data()) n += b.length;
            else n += (long) t.shape().size() * t.dtype().byteSize();
        }
        return n;
    }

    private static final class Recorded<T> extends UnaryDataset<T, T> {
        private final Stage stage;

        Recorded(Dataset<T> input, Stage stage) {
            super(input);
            this.stage = stage;
        }

        @Override
        public Iterator<T> iterator() {
            Iterator<T> in = input.iterator();
            return new ElementIterator<>() {
                @Override
                protected T advance() {
                    long requested = System.nanoTime();
                    if (!in.hasNext()) return null;
                    T e = in.next();
                    stage.record(requested, System.nanoTime(), bytesOf(e));
                    return e;
                }
            };
        }


        @Override
        public long cardinality() { return input.cardinality(); }
    }
}
