package org.jflow.math;

import org.jflow.DType;
import org.jflow.Tensor;
import org.jflow.engine.Buffers;

/**
 * The stable order of the elements of each row along an axis, ascending or descending, ties
 * kept in index order: what {@code TopKV2}, {@code tf.sort} and {@code tf.argsort} share. Rows are
 * read as doubles (exact for every float type and for integers up to 2^53) or as longs for int64.
 */
final class RowOrder {
    private final double[] d;
    private final long[] w;
    private final boolean descending;

    private RowOrder(double[] d, long[] w, boolean descending) {
        this.d = d;
        this.w = w;
        this.descending = descending;
    }

    /** A buffer to read rows from: int64 stays exact in a long[], everything else widens to double[]. */
    static Object widen(Tensor x) {
        return x.dtype() == DType.INT64 ? x.data() : Buffers.convert(x.data(), x.dtype(), DType.FLOAT64);
    }

    /** The positions of row {@code (o, ., i)} of {@code widened} in sorted order, in {@code into[0, n)}. */
    static void order(Object widened, AxisLayout l, int o, int i, boolean descending, int[] scratch, int[] into) {
        int n = l.n();
        double[] d = widened instanceof double[] all ? doubles(all, l, o, i) : null;
        long[] w = d == null ? longs((long[]) widened, l, o, i) : null;
        if (d != null && hasNaN(d)) {
            tfOrderWithNaN(d, descending, into);
            return;
        }
        for (int r = 0; r < n; r++) into[r] = r;
        new RowOrder(d, w, descending).mergeSort(into, scratch, 0, n);
    }

    private static double[] doubles(double[] all, AxisLayout l, int o, int i) {
        double[] d = new double[l.n()];
        for (int r = 0; r < d.length; r++) d[r] = all[l.at(o, r, i)];
        return d;
    }

    private static long[] longs(long[] all, AxisLayout l, int o, int i) {
        long[] w = new long[l.n()];
        for (int r = 0; r < w.length; r++) w[r] = all[l.at(o, r, i)];
        return w;
    }

    /**
     * TF's CPU TopKV2 on row {@code (o, ., i)}: the whole row sorted as {@link #order}; k == 1 the first position
     * equal to Eigen's maximum ({@link #eigenMax}, AVX packets of {@code packet} lanes); other k gtl::TopN's heap
     * under the stable "greater" comparison (larger, then lower position), which NaN (equal to everything) steers,
     * unsorted results in heap order. Puts the k positions in {@code into[0, k)}.
     */
    static void topK(Object widened, AxisLayout l, int o, int i, int k, boolean sorted, int packet, int[] scratch, int[] into) {
        int n = l.n();
        if (k == n && k != 1) {
            order(widened, l, o, i, true, scratch, into);
            return;
        }
        if (widened instanceof double[] all) {
            double[] d = doubles(all, l, o, i);
            if (k == 1) {
                double max = eigenMax(d, packet);
                into[0] = 0;
                for (int c = 0; c < n; c++) if (d[c] == max) { into[0] = c; break; }
                return;
            }
            StdSort.topN(n, k, (a, b) -> d[b] < d[a] || !(d[b] > d[a]) && a < b, sorted, into);
        } else {
            long[] w = longs((long[]) widened, l, o, i);
            StdSort.topN(n, k, (a, b) -> w[b] < w[a] || w[b] == w[a] && a < b, sorted, into);
        }
    }

    /**
     * Eigen's inner-most maximum reduction (PropagateFast) as TF's AVX build runs it: the whole packets into
     * {@code packet} lanes by {@code pmax(acc, p) = acc < p ? p : acc} (a NaN never enters a lane), the tail
     * by {@code std::max(t, acc) = t < acc ? acc : t} (a NaN enters, the next number replaces it), then
     * {@code std::max(tail, max of lanes)}. A NaN result matches no element, and TF then takes position 0.
     */
    private static double eigenMax(double[] d, int packet) {
        int n = d.length, whole = n / packet * packet;
        double[] lanes = new double[packet];
        java.util.Arrays.fill(lanes, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < whole; j++) lanes[j % packet] = lanes[j % packet] < d[j] ? d[j] : lanes[j % packet];
        double lanesMax = Double.NEGATIVE_INFINITY, tail = Double.NEGATIVE_INFINITY;
        for (double v : lanes) lanesMax = Math.max(lanesMax, v);
        for (int j = whole; j < n; j++) tail = d[j] < tail ? tail : d[j];
        return tail < lanesMax ? lanesMax : tail;
    }

    private static boolean hasNaN(double[] d) {
        for (double v : d) if (v != v) return true;
        return false;
    }

    /**
     * TF's TopKV2 over a whole row (so tf.sort and tf.argsort, an ascending one on {@code -x}): libstdc++'s
     * {@code std::sort} of the indices under {@code x[b] < x[a]}, then each run of equal neighbours in index
     * order. Without NaN that is the stable order the merge sort gives; with NaN, which compares false
     * both ways, the sort's exact steps decide where NaN lands (not always last), and so they run here.
     */
    private static void tfOrderWithNaN(double[] d, boolean descending, int[] into) {
        int n = d.length;
        double[] keys = d;
        if (!descending) {
            keys = new double[n];
            for (int r = 0; r < n; r++) keys[r] = -d[r];
        }
        double[] x = keys;
        for (int r = 0; r < n; r++) into[r] = r;
        StdSort.sort(into, 0, n, (a, b) -> x[b] < x[a]);
        for (int begin = 0; begin < n - 1; ) {
            int end = begin + 1;
            if (x[into[begin]] == x[into[end]]) {
                while (++end < n && x[into[begin]] == x[into[end]]) { }
                java.util.Arrays.sort(into, begin, end);
            }
            begin = end;
        }
    }

    /** A total order: {@link #compare}, then the lower position first (what keeps sorts stable and top_k's ties). */
    private int rank(int a, int b) {
        int c = compare(a, b);
        return c != 0 ? c : Integer.compare(a, b);
    }

    /** Numeric order with 0.0 equal to -0.0 (TF compares with {@code <}) and NaN above +inf; reversed for descending. */
    private int compare(int a, int b) {
        int c;
        if (d == null) {
            c = Long.compare(w[a], w[b]);
        } else {
            double x = d[a], y = d[b];
            c = x < y ? -1 : x > y ? 1 : x == y ? 0 : Boolean.compare(Double.isNaN(x), Double.isNaN(y));
        }
        return descending ? -c : c;
    }

    /** Merge sort of {@code idx[from, to)} by {@link #rank}; insertion sort on short runs. */
    private void mergeSort(int[] idx, int[] tmp, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = idx[i], j = i - 1;
                while (j >= from && rank(idx[j], v) > 0) { idx[j + 1] = idx[j]; j--; }
                idx[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(idx, tmp, from, mid);
        mergeSort(idx, tmp, mid, to);
        if (rank(idx[mid - 1], idx[mid]) <= 0) return;
        System.arraycopy(idx, from, tmp, from, to - from);
        int a = from, b = mid, k = from;
        while (a < mid && b < to) idx[k++] = rank(tmp[b], tmp[a]) < 0 ? tmp[b++] : tmp[a++];
        while (a < mid) idx[k++] = tmp[a++];
        while (b < to) idx[k++] = tmp[b++];
    }
}
