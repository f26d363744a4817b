package org.jflow.conformance;

import org.jflow.Tensor;
import org.jflow.opinfo.Cases;

import java.util.Arrays;

/**
 * Checks for the stateful random ops, whose draws depend on how TF's kernel shards and skips its
 * generator: JFlow's and TF's samples must agree as distributions, not draw by draw. Each output is
 * cut into groups of draws from one distribution; per group the means must agree within six
 * standard errors, the variances within 15%, and the two-sample Kolmogorov-Smirnov distance must be
 * under its 0.1% critical value. The cases use fixed seeds, so a check passes or fails the same way
 * on every run.
 */
final class SampleStatistics {
    private SampleStatistics() {}

    /** Splits an output into its groups of identically distributed draws. */
    @FunctionalInterface
    interface Grouping {
        double[][] groups(Tensor out, Cases.Case c);
    }

    /** Outputs {@code shape + params.shape}: one group per parameter (element k belongs to parameter k mod #params). */
    static final Grouping PER_PARAMETER = (out, c) -> {
        int params = c.inputs()[0].size(), n = params == 0 ? 0 : out.size() / params;
        double[][] g = new double[params][n];
        for (int k = 0; k < out.size(); k++) g[k % params][k / params] = out.getDouble(k);
        return g;
    };

    /** Outputs [batch, samples]: one group per row. */
    static final Grouping PER_ROW = (out, c) -> {
        int rows = out.shape().get(0), n = out.shape().get(1);
        double[][] g = new double[rows][n];
        for (int k = 0; k < out.size(); k++) g[k / n][k % n] = out.getDouble(k);
        return g;
    };

    /** The check of {@code grouping}'s groups, output 0 only. */
    static OpTable.Check sameDistribution(Grouping grouping) {
        return (jflow, tf, c) -> {
            String d = sameLayout(jflow, tf);
            if (d != null) return d;
            double[][] a = grouping.groups(jflow[0], c), b = grouping.groups(tf[0], c);
            for (int i = 0; i < a.length; i++) {
                d = compare(a[i], b[i]);
                if (d != null) return "group " + i + ": " + d;
            }
            return null;
        };
    }

    /**
     * Multinomial: the draws of each row by its logits, and no class of zero probability (a -inf
     * logit) ever drawn, on either side.
     */
    static final OpTable.Check MULTINOMIAL = (jflow, tf, c) -> {
        Tensor logits = c.inputs()[0];
        int classes = logits.shape().get(1), samples = jflow[0].rank() == 2 ? jflow[0].shape().get(1) : 0;
        for (int k = 0; k < jflow[0].size(); k++) {
            long v = jflow[0].getLong(k);
            if (v < 0 || v >= classes || logits.getDouble(k / samples * classes + (int) v) == Double.NEGATIVE_INFINITY) {
                return "draw " + k + " is class " + v + ", which has probability 0";
            }
        }
        return sameDistribution(PER_ROW).difference(jflow, tf, c);
    };

    /**
     * RandomShuffle: JFlow's rows are a permutation of the input's, and for long inputs both sides
     * look shuffled: few rows left in place (a random permutation fixes one on average) and no
     * correlation between a row's old and new position.
     */
    static final OpTable.Check SHUFFLE = (jflow, tf, c) -> {
        String d = sameLayout(jflow, tf);
        if (d != null) return d;
        Tensor x = c.inputs()[0];
        double[] in = values(x), mine = values(jflow[0]);
        double[] sortedIn = in.clone(), sortedMine = mine.clone();
        Arrays.sort(sortedIn);
        Arrays.sort(sortedMine);
        if (!Arrays.equals(sortedIn, sortedMine)) return "JFlow's elements are not the input's";
        int rows = x.rank() == 0 ? 1 : x.shape().get(0);
        if (rows < 1000) return null;
        int width = x.size() / rows;
        for (Tensor t : new Tensor[] {jflow[0], tf[0]}) {
            double[] v = values(t);
            for (int r = 0; r < rows; r++) {
                for (int j = 1; j < width; j++) {
                    if (v[r * width + j] != v[r * width] + j) return "row " + r + " was not moved whole";
                }
            }
            int fixed = 0;
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int from = (int) v[r * width] / width;
                if (from == r) fixed++;
                sum += (from - (rows - 1) / 2.0) * (r - (rows - 1) / 2.0);
            }
            double correlation = sum / (rows * (rows * (double) rows - 1) / 12);
            String side = t == jflow[0] ? "JFlow" : "TF";
            if (fixed > 10) return side + " left " + fixed + " of " + rows + " rows in place";
            if (Math.abs(correlation) > 0.05) return side + "'s old and new positions correlate: " + correlation;
        }
        return null;
    };

    private static String sameLayout(Tensor[] jflow, Tensor[] tf) {
        if (jflow[0].dtype() != tf[0].dtype()) return "dtype " + jflow[0].dtype().tfName() + ", TF " + tf[0].dtype().tfName();
        if (!jflow[0].shape().equals(tf[0].shape())) return "shape " + jflow[0].shape() + ", TF " + tf[0].shape();
        return null;
    }

    private static double[] values(Tensor t) {
        double[] v = new double[t.size()];
        for (int k = 0; k < v.length; k++) v[k] = t.getDouble(k);
        return v;
    }

    /** Null when two equally long samples agree as distributions (see the class comment), else how they differ. */
    static String compare(double[] a, double[] b) {
        int n = a.length;
        if (n == 0) return null;
        double ma = mean(a), mb = mean(b), va = variance(a, ma), vb = variance(b, mb);
        if (Math.abs(ma - mb) > 6 * Math.sqrt((va + vb) / n) + 1e-12) return "mean " + ma + ", TF " + mb;
        if (Math.abs(va - vb) > 0.15 * Math.max(va, vb) + 1e-12) return "variance " + va + ", TF " + vb;
        double ks = ksDistance(a, b), bound = 1.95 * Math.sqrt(2.0 / n);
        return ks > bound ? "Kolmogorov-Smirnov distance " + ks + " over " + bound : null;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return s / Math.max(1, v.length - 1);
    }

    /** The largest gap between the two empirical CDFs, taken after each distinct value (ties, as in discrete draws, step together). */
    static double ksDistance(double[] a, double[] b) {
        double[] x = a.clone(), y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0, j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) i++;
            while (j < y.length && y[j] == v) j++;
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }
}
