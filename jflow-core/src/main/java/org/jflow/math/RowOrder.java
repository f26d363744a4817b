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

    /**
     * The first {@code k} positions of row {@code (o, ., i)} of {@code widened} in sorted order, in
     * {@code into[0, k)}. A small k selects with a heap (n log k) before sorting only the k chosen.
     */
    static void order(Object widened, AxisLayout l, int o, int i, boolean descending, int k, int[] scratch, int[] into) {
        int n = l.n();
        double[] d = null;
        long[] w = null;
        if (widened instanceof long[] all) {
            w = new long[n];
            for (int r = 0; r < n; r++) w[r] = all[l.at(o, r, i)];
        } else {
            double[] all = (double[]) widened;
            d = new double[n];
            for (int r = 0; r < n; r++) d[r] = all[l.at(o, r, i)];
        }
        if (k == n && d != null && hasNaN(d)) {
            tfOrderWithNaN(d, descending, into);
            return;
        }
        RowOrder row = new RowOrder(d, w, descending);
        if (k < n / 8) {
            row.selectFirst(k, n, into);
            row.mergeSort(into, scratch, 0, k);
        } else {
            for (int r = 0; r < n; r++) into[r] = r;
            row.mergeSort(into, scratch, 0, n);
        }
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

    /** The k positions that sort first, in heap order: a max-heap by {@link #rank} whose root is the worst kept. */
    private void selectFirst(int k, int n, int[] heap) {
        if (k == 0) return;
        for (int r = 0; r < n; r++) {
            if (r < k) {
                heap[r] = r;
                for (int c = r; c > 0 && rank(heap[(c - 1) / 2], heap[c]) < 0; c = (c - 1) / 2) swap(heap, c, (c - 1) / 2);
            } else if (rank(r, heap[0]) < 0) {
                heap[0] = r;
                for (int p = 0; ; ) {
                    int big = p, a = 2 * p + 1, b = a + 1;
                    if (a < k && rank(heap[a], heap[big]) > 0) big = a;
                    if (b < k && rank(heap[b], heap[big]) > 0) big = b;
                    if (big == p) break;
                    swap(heap, p, big);
                    p = big;
                }
            }
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
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
