package org.jflow.math;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.engine.Allocation;
import org.jflow.engine.Attrs;
import org.jflow.engine.Buffers;
import org.jflow.engine.Dispatcher;
import org.jflow.engine.GradientContext;
import org.jflow.engine.Op;
import org.jflow.engine.Signature;
import org.jflow.engine.TensorSpec;
import org.jflow.errors.InvalidArgumentError;
import org.jflow.raw.Raw;
import org.jflow.raw.RawArray;
import org.jflow.raw.RawMath;


/**
 * TF's segment reductions: {@code SegmentSum/Mean/Prod/Max/Min} (inputs data and sorted segment
 * ids, one per row of data; as many output rows as the last id + 1) and
 * {@code UnsortedSegmentSum/Prod/Max/Min} (ids of any order whose shape prefixes data's, attribute
 * {@code num_segments}; negative ids are dropped). Empty segments hold 0 for the sorted max/min/mean,
 * else the reduction's identity, as in TF.
 */
public final class SegmentReduction extends Op {
    private enum Kind { SUM, MEAN, PROD, MAX, MIN }

    public static final SegmentReduction SEGMENT_SUM = new SegmentReduction("SegmentSum", Kind.SUM, true)
            .withGradient(SegmentReduction::sumGradient);
    public static final SegmentReduction SEGMENT_MEAN = new SegmentReduction("SegmentMean", Kind.MEAN, true)
            .withGradient(SegmentReduction::meanGradient);
    public static final SegmentReduction SEGMENT_PROD = new SegmentReduction("SegmentProd", Kind.PROD, true)
            .withGradient(SegmentReduction::prodGradient);
    public static final SegmentReduction SEGMENT_MAX = new SegmentReduction("SegmentMax", Kind.MAX, true)
            .withGradient(SegmentReduction::extremumGradient);
    public static final SegmentReduction SEGMENT_MIN = new SegmentReduction("SegmentMin", Kind.MIN, true)
            .withGradient(SegmentReduction::extremumGradient);
    public static final SegmentReduction UNSORTED_SEGMENT_SUM = new SegmentReduction("UnsortedSegmentSum", Kind.SUM, false)
            .withGradient(SegmentReduction::sumGradient);
    public static final SegmentReduction UNSORTED_SEGMENT_PROD = new SegmentReduction("UnsortedSegmentProd", Kind.PROD, false)
            .withGradient(SegmentReduction::prodGradient);
    public static final SegmentReduction UNSORTED_SEGMENT_MAX = new SegmentReduction("UnsortedSegmentMax", Kind.MAX, false)
            .withGradient(SegmentReduction::extremumGradient);
    public static final SegmentReduction UNSORTED_SEGMENT_MIN = new SegmentReduction("UnsortedSegmentMin", Kind.MIN, false)
            .withGradient(SegmentReduction::extremumGradient);

    private final Kind kind;
    private final boolean sorted;

    private SegmentReduction(String name, Kind kind, boolean sorted) {
        // TF's num_segments input, which a gradient passes where the count is known only when the graph runs (the
        // rows of a traced batch); the num_segments attribute stands for it otherwise
        super(name, sorted ? Signature.of("data, segment_ids -> output")
                : Signature.of("data, segment_ids, num_segments? -> output", "num_segments: int = None"));
        this.kind = kind;
        this.sorted = sorted;
    }

    public static Attrs unsortedAttrs(int numSegments) { return Attrs.of("num_segments", numSegments); }

    @Override
    public TensorSpec[] infer(Tensor[] in, Attrs attrs) {
        DType t = in[0].dtype(), ids = in[1].dtype();
        if (!t.isNumeric()) throw notAllowed("T", t);
        if (ids != DType.INT32 && ids != DType.INT64) throw notAllowed("Tindices", ids);
        Shape data = in[0].shape(), seg = in[1].shape();
        if (!data.hasRank() || !seg.hasRank()) return new TensorSpec[] {new TensorSpec(t, Shape.unknownRank())};
        if (sorted) {
            if (seg.rank() != 1) throw error("segment_ids should be a vector.");
            if (data.rank() < 1 || (data.get(0) != Shape.UNKNOWN && seg.get(0) != Shape.UNKNOWN && data.get(0) != seg.get(0))) {
                throw error("segment_ids should be the same size as dimension 0 of input.");
            }
            return new TensorSpec[] {new TensorSpec(t, withRows(data, 1, Shape.UNKNOWN))};
        }
        boolean known = in.length < 3 || in[2].hasValue(); // a count known only when the graph runs: checked there
        int segments = known ? segments(in, attrs) : Shape.UNKNOWN;
        if (known && segments < 0) throw error("Input num_segments == " + segments + " must not be negative.");
        boolean prefix = seg.rank() <= data.rank();
        for (int i = 0; prefix && i < seg.rank(); i++) prefix = org.jflow.Shape.compatibleDims(seg.get(i), data.get(i));
        if (!prefix) {
            throw error("data.shape = " + data.toErrorString() + " does not start with segment_ids.shape = " + seg.toErrorString());
        }
        return new TensorSpec[] {new TensorSpec(t, withRows(data, seg.rank(), segments))};
    }

    /** The unsorted reductions' row count: input 2 (an int32/int64 scalar) or the attribute. */
    private int segments(Tensor[] in, Attrs attrs) {
        if (in.length < 3) {
            if (!attrs.has("num_segments")) throw error(name() + " has no num_segments: neither attribute 'num_segments' nor input 2");
            return attrs.getInt("num_segments");
        }
        DType t = in[2].dtype();
        if (t != DType.INT32 && t != DType.INT64) throw notAllowed("Tnumsegments", t);
        if (in[2].rank() != 0) throw error("num_segments should be a scalar, not shape " + in[2].shape().toErrorString());
        return Math.toIntExact(in[2].getLong(0));
    }

    /** {@code [rows] + data.shape[skip:]}. */
    private static Shape withRows(Shape data, int skip, int rows) {
        int[] d = data.dimsView(), out = new int[d.length - skip + 1];
        out[0] = rows;
        System.arraycopy(d, skip, out, 1, d.length - skip);
        return Shape.ofOwned(out);
    }

    private InvalidArgumentError notAllowed(String attr, DType t) {
        return error("Value for attr '" + attr + "' of " + t.kernelName() + " is not in the list of allowed values");
    }

    private InvalidArgumentError error(String message) { return new InvalidArgumentError(message); }

    @Override
    public Tensor[] compute(Tensor[] in, Attrs attrs, TensorSpec[] out) {
        Tensor data = in[0], ids = in[1];
        int n = ids.size(), inner = innerSize(data, sorted ? 1 : ids.rank());
        int rows = sorted ? sortedRows(ids, data) : segments(in, attrs);
        DType t = data.dtype();
        boolean floating = t.isFloating();
        double[] acc = floating ? new double[rows * inner] : null;
        long[] accL = floating ? null : new long[rows * inner];
        int[] count = new int[rows];
        for (int k = 0; k < n; k++) {
            long id = ids.getLong(k);
            if (id < 0) continue;
            if (id >= rows) throw error("segment_ids[" + k + "] = " + id + " is out of range [0, " + rows + ")");
            int seg = (int) id, base = seg * inner;
            boolean first = count[seg]++ == 0;
            for (int i = 0; i < inner; i++) {
                if (floating) {
                    double v = data.getDouble(k * inner + i);
                    acc[base + i] = first ? v : round(t, combine(acc[base + i], v));
                } else {
                    long v = data.getLong(k * inner + i);
                    accL[base + i] = first ? v : combine(accL[base + i], v);
                }
            }
        }
        Object result = Buffers.allocate(t, rows * inner);
        for (int s = 0; s < rows; s++) {
            for (int i = 0; i < inner; i++) {
                int at = s * inner + i;
                if (floating) {
                    double v = count[s] == 0 ? emptyValue(t) : kind == Kind.MEAN ? acc[at] / count[s] : acc[at];
                    Buffers.setDouble(result, t, at, v);
                } else {
                    long v = count[s] == 0 ? (long) emptyValue(t) : accL[at];
                    // The mean divides the sum as wrapped in the dtype, as TF's integer kernel does.
                    if (kind == Kind.MEAN && count[s] > 0) v = wrap(v, t) / count[s];
                    Buffers.setLong(result, t, at, v);
                }
            }
        }
        return new Tensor[] {Tensor.wrap(t, withRows(data.shape(), sorted ? 1 : ids.rank(), rows), result)};
    }

    private static int innerSize(Tensor data, int skip) {
        int s = 1;
        for (int i = skip; i < data.rank(); i++) s *= data.shape().get(i);
        return s;
    }

    /**
     * The number of segments: the last id + 1, checked as TF allocates the output (an int64 id past the heap is OOM).
     */
    private int sortedRows(Tensor ids, Tensor data) {
        int n = ids.size();
        long prev = 0;
        for (int k = 0; k < n; k++) {
            long id = ids.getLong(k);
            if (id < 0) throw error("segment ids must be >= 0");
            if (id < prev) throw error("segment ids are not increasing");
            prev = id;
        }
        long[] dims = java.util.Arrays.stream(data.shape().dimsView()).asLongStream().toArray();
        dims[0] = n == 0 ? 0 : prev + 1;
        Allocation.require(dims, data.dtype(), name());
        return (int) dims[0];
    }

    private double combine(double a, double b) {
        return switch (kind) {
            case SUM, MEAN -> a + b;
            case PROD -> a * b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
        };
    }

    private long combine(long a, long b) {
        return switch (kind) {
            case SUM, MEAN -> a + b;
            case PROD -> a * b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
        };
    }

    /** float32 and the halves accumulate in float32, as TF's kernels do; rounding each double step gives exactly that. */
    private static double round(DType t, double v) { return t == DType.FLOAT64 ? v : (float) v; }

    private static long wrap(long v, DType t) {
        Object one = Buffers.allocate(t, 1);
        Buffers.setLong(one, t, 0, v);
        return Buffers.getLong(one, t, 0);
    }

    private double emptyValue(DType t) {
        return switch (kind) {
            case SUM, MEAN -> 0;
            case PROD -> 1;
            // TF's numeric_limits<T>::lowest() and max(): finite, for floats too
            case MAX -> sorted ? 0 : t.min();
            case MIN -> sorted ? 0 : t.max();
        };
    }

    // ---- gradients (TF's math_grad.py) ----

    private static Tensor[] sumGradient(GradientContext g, Tensor[] dy) { return new Tensor[] {rowsOf(dy[0], g.y()), null}; }

    /** Each row's share of its segment's gradient: dy over the segment's row count. */
    private static Tensor[] meanGradient(GradientContext g, Tensor[] dy) {
        Tensor x = g.x(), ids = g.y();
        // TF's _SegmentMeanGrad: ones shaped as the ids with x's other dims as 1, so no size is needed (a traced batch)
        Tensor rowOnes = RawArray.onesLike(ids, x.dtype());
        for (int i = ids.rank(); i < x.rank(); i++) rowOnes = RawArray.expandDims(rowOnes, i);
        Tensor counts = ((SegmentReduction) g.op()).segmentSum(rowOnes, ids, g.attrs());
        return new Tensor[] {rowsOf(RawMath.realDiv(dy[0], counts), ids), null};
    }

    /** Max and Min: the segment's gradient shared among the rows' elements equal to the result. */
    private static Tensor[] extremumGradient(GradientContext g, Tensor[] dy) {
        Tensor x = g.x(), ids = g.y();
        Tensor selected = RawMath.equal(x, rowsOf(g.out(), ids));
        Tensor counts = ((SegmentReduction) g.op()).segmentSum(RawMath.cast(selected, x.dtype()), ids, g.attrs());
        Tensor shares = rowsOf(RawMath.realDiv(dy[0], counts), ids);
        return new Tensor[] {RawArray.selectV2(selected, shares, Raw.scalarLike(shares, 0)), null};
    }

    /**
     * Prod, as TF: the product of the other elements of the segment, which is the segment's
     * product over x where x is not 0, the product of the non-zeros where x is the only 0, and 0
     * for every element of a segment with two zeros or more.
     */
    private static Tensor[] prodGradient(GradientContext g, Tensor[] dy) {
        SegmentReduction op = (SegmentReduction) g.op();
        Tensor x = g.x(), ids = g.y();
        Tensor isZero = RawMath.equal(x, Raw.scalarLike(x, 0));
        Tensor zeros = op.segmentSum(RawMath.cast(isZero, DType.INT32), ids, g.attrs());
        Tensor severalZeros = RawMath.greater(zeros, Raw.scalar(DType.INT32, 1));
        Tensor upstream = RawArray.selectV2(severalZeros, Raw.scalarLike(dy[0], 0), dy[0]);
        Tensor nonZeroData = RawArray.selectV2(isZero, Raw.scalarLike(x, 1), x);
        Tensor nonZeroProd = Dispatcher.execute1(op, g.attrs(), nonZeroData, ids);
        Tensor quotient = RawMath.realDiv(rowsOf(g.out(), ids), nonZeroData);
        Tensor others = RawArray.selectV2(isZero, rowsOf(nonZeroProd, ids), quotient);
        return new Tensor[] {RawMath.mul(rowsOf(upstream, ids), others), null};
    }

    private Tensor segmentSum(Tensor data, Tensor ids, Attrs attrs) {
        return sorted ? RawMath.segmentSum(data, ids)
                : RawMath.unsortedSegmentSum(data, ids, attrs.getInt("num_segments"));
    }

    /** The rows of {@code t} at {@code ids}, zeros where an id is negative (a dropped row). */
    private static Tensor rowsOf(Tensor t, Tensor ids) {
        Tensor gathered = RawArray.gatherV2(t, RawMath.maximum(ids, Raw.scalarLike(ids, 0)), 0, 0);
        int[] maskShape = new int[gathered.rank()];
        java.util.Arrays.fill(maskShape, 1);
        System.arraycopy(ids.shape().dimsView(), 0, maskShape, 0, ids.rank());
        Tensor kept = RawArray.reshape(RawMath.greaterEqual(ids, Raw.scalarLike(ids, 0)), maskShape);
        return RawArray.selectV2(kept, gathered, Raw.scalarLike(gathered, 0));
    }
}
