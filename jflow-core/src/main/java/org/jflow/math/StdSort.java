package org.jflow.math;

/**
 * libstdc++'s {@code std::sort} (introsort: median-of-three quicksort down to runs of 16, heapsort
 * past 2 log2 n levels, one final insertion sort), step for step. TF's CPU {@code TopKV2} with k equal
 * to the row length, and so {@code tf.sort} and {@code tf.argsort}, order indices with it under
 * {@code x[b] < x[a]}; where a row holds NaN that comparison is no strict weak order and the result is
 * whatever these exact steps produce (TF's {@code sort([3, nan, 1, 2])} descending is
 * {@code [3, nan, 2, 1]}), which only the same steps reproduce.
 */
final class StdSort {
    private StdSort() {}

    /** The comparison, on the sorted ints (indices). */
    @FunctionalInterface
    interface Less {
        boolean test(int a, int b);
    }

    private static final int THRESHOLD = 16;

    static void sort(int[] a, int first, int last, Less less) {
        if (first == last) return;
        introsortLoop(a, first, last, 2 * (31 - Integer.numberOfLeadingZeros(last - first)), less);
        if (last - first > THRESHOLD) {
            insertionSort(a, first, first + THRESHOLD, less);
            for (int i = first + THRESHOLD; i < last; i++) unguardedLinearInsert(a, first, i, less);
        } else {
            insertionSort(a, first, last, less);
        }
    }

    private static void introsortLoop(int[] a, int first, int last, int depthLimit, Less less) {
        while (last - first > THRESHOLD) {
            if (depthLimit == 0) {
                makeHeap(a, first, last, less);
                for (int end = last; end - first > 1; ) {
                    end--;
                    popHeap(a, first, end, end, less);
                }
                return;
            }
            depthLimit--;
            int cut = partitionPivot(a, first, last, less);
            introsortLoop(a, cut, last, depthLimit, less);
            last = cut;
        }
    }

    private static int partitionPivot(int[] a, int first, int last, Less less) {
        int mid = first + (last - first) / 2;
        moveMedianToFirst(a, first, first + 1, mid, last - 1, less);
        int lo = first + 1, hi = last;
        while (true) {
            while (lo < last && less.test(a[lo], a[first])) lo++;
            hi--;
            while (hi > first && less.test(a[first], a[hi])) hi--;
            if (lo >= hi) return lo;
            swap(a, lo, hi);
            lo++;
        }
    }

    private static void moveMedianToFirst(int[] a, int result, int x, int y, int z, Less less) {
        if (less.test(a[x], a[y])) {
            if (less.test(a[y], a[z])) swap(a, result, y);
            else if (less.test(a[x], a[z])) swap(a, result, z);
            else swap(a, result, x);
        } else if (less.test(a[x], a[z])) {
            swap(a, result, x);
        } else if (less.test(a[y], a[z])) {
            swap(a, result, z);
        } else {
            swap(a, result, y);
        }
    }

    private static void insertionSort(int[] a, int first, int last, Less less) {
        for (int i = first + 1; i < last; i++) {
            if (less.test(a[i], a[first])) {
                int v = a[i];
                System.arraycopy(a, first, a, first + 1, i - first);
                a[first] = v;
            } else {
                unguardedLinearInsert(a, first, i, less);
            }
        }
    }

    /** The bound checks stop only where C++ would run off the range (undefined behaviour there). */
    private static void unguardedLinearInsert(int[] a, int first, int last, Less less) {
        int v = a[last], next = last - 1;
        while (next >= first && less.test(v, a[next])) {
            a[last] = a[next];
            last = next--;
        }
        a[last] = v;
    }

    /**
     * TF's {@code gtl::TopN<int32, Cmp>(k)} fed the positions {@code 0 .. n-1} ({@code 1 <= k < n}), then
     * {@code Extract()} ({@code std::sort_heap}) or, unsorted, its heap as it stands: what TF's CPU TopKV2 does
     * for k below the row length. {@code greater} is TopN's comparison (the heap's order); it puts the k kept
     * positions in {@code into[0, k)}.
     */
    static void topN(int n, int k, Less greater, boolean sorted, int[] into) {
        int[] e = new int[k + 1];
        for (int c = 0; c <= k; c++) e[c] = c;
        // The (k+1)-th push turns the unordered vector into a heap and pops its bottom.
        makeHeap(e, 0, k + 1, greater);
        popHeap(e, 0, k, k, greater);
        for (int c = k + 1; c < n; c++) {
            if (!greater.test(c, e[0])) continue;
            if (k > 1) popHeap(e, 0, k - 1, k - 1, greater);
            e[k - 1] = c;
            pushHeap(e, 0, k - 1, greater);
        }
        if (sorted) for (int last = k - 1; last > 0; last--) popHeap(e, 0, last, last, greater);
        System.arraycopy(e, 0, into, 0, k);
    }

    /** {@code std::__push_heap}: the value at {@code first + hole} rises towards the top. */
    private static void pushHeap(int[] a, int first, int hole, Less less) {
        int v = a[first + hole];
        for (int parent = (hole - 1) / 2; hole > 0 && less.test(a[first + parent], v); parent = (hole - 1) / 2) {
            a[first + hole] = a[first + parent];
            hole = parent;
        }
        a[first + hole] = v;
    }

    private static void makeHeap(int[] a, int first, int last, Less less) {
        int len = last - first;
        if (len < 2) return;
        for (int parent = (len - 2) / 2; ; parent--) {
            adjustHeap(a, first, parent, len, a[first + parent], less);
            if (parent == 0) return;
        }
    }

    private static void popHeap(int[] a, int first, int last, int result, Less less) {
        int v = a[result];
        a[result] = a[first];
        adjustHeap(a, first, 0, last - first, v, less);
    }

    private static void adjustHeap(int[] a, int first, int hole, int len, int v, Less less) {
        int top = hole, child = hole;
        while (child < (len - 1) / 2) {
            child = 2 * (child + 1);
            if (less.test(a[first + child], a[first + child - 1])) child--;
            a[first + hole] = a[first + child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2) {
            child = 2 * (child + 1);
            a[first + hole] = a[first + child - 1];
            hole = child - 1;
        }
        for (int parent = (hole - 1) / 2; hole > top && less.test(a[first + parent], v); parent = (hole - 1) / 2) {
            a[first + hole] = a[first + parent];
            hole = parent;
        }
        a[first + hole] = v;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
