package org.jflow.conformance;

import org.jflow.DType;
import org.jflow.Shape;
import org.jflow.Tensor;
import org.jflow.opinfo.Cases;
import org.jflow.opinfo.MathCases;
import org.jflow.opinfo.OpInfo;
import org.jflow.opinfo.OpInfos;
import org.jflow.opinfo.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How JFlow's ops map onto TF's, op by op: which of TF's inputs JFlow takes as attributes (and how
 * such an attribute becomes a tensor), TF attributes that JFlow leaves implicit, and results
 * compared other than element by element. The cases and tolerances are the op's row of the sample
 * table ({@link OpInfos}), which the gradient check and the device test read too. JFlow's other
 * attributes pass to TF under their own names, which are TF's (none needed a rename so far: a
 * JFlow attribute TF's op lacks fails its cases as a harness error).
 *
 * <p>Every op with samples has a row; a row without {@code inputs} maps JFlow's inputs one to one
 * onto TF's input arguments (a list argument takes the run of inputs it needs).
 */
final class OpTable {
    private OpTable() {}

    /** Where one of TF's inputs comes from in a JFlow call. */
    sealed interface Source permits Next, Rest, FromAttr, OptionalNext, Uint64 {}

    /** The next JFlow input. */
    record Next() implements Source {}

    /** The JFlow inputs up to those the later sources take, as one list argument. */
    record Rest() implements Source {}

    /** A JFlow attribute made into a tensor; {@code tensor} sees the whole call (absent attributes too). */
    record FromAttr(String attr, Function<Cases.Case, Tensor> tensor) implements Source {}

    /** The next JFlow input if the call has one left, else {@code absent}'s tensor (an optional input TF always takes). */
    record OptionalNext(Function<Cases.Case, Tensor> absent) implements Source {}

    /** The next JFlow input, an int64 holding TF's uint64 words, cast to uint64 on TF's side (bit for bit). */
    record Uint64() implements Source {}

    /** A JFlow input bound for one of TF's uint64 inputs (JFlow has no uint64 dtype). */
    record Uint64Input(Tensor words) {}

    static final Source IN = new Next();
    static final Source UINT64 = new Uint64();
    static final Source LIST = new Rest();

    /**
     * One op's row: its sample table row {@code info}. {@code inputs} null: one to one.
     * {@code implicit}: TF attributes JFlow derives, computed from the call.
     */
    record Row(String op, OpInfo info, List<Source> inputs, Map<String, Function<Cases.Case, Object>> implicit,
               List<String> folded, Check check) {
        Row inputs(Source... sources) { return new Row(op, info, List.of(sources), implicit, folded, check); }

        Row implicit(String tfAttr, Function<Cases.Case, Object> value) {
            Map<String, Function<Cases.Case, Object>> m = new TreeMap<>(implicit);
            m.put(tfAttr, value);
            return new Row(op, info, inputs, m, folded, check);
        }

        /** JFlow attributes that TF's Python layer folds into the inputs the row's sources compute (TF's op has no such attribute). */
        Row folded(String... attrs) { return new Row(op, info, inputs, implicit, List.of(attrs), check); }

        /** Compares by {@code c} instead of element by element: results that are unique only up to signs, order or chance. */
        Row checkedBy(Check c) { return new Row(op, info, inputs, implicit, folded, c); }

        /** The op's calls, from the sample table. */
        Cases.Generator cases() { return info.samples(); }
    }

    /** A comparison of JFlow's outputs with TF's for one call: null when they agree, else what differs. */
    @FunctionalInterface
    interface Check {
        String difference(Tensor[] jflow, Tensor[] tf, Cases.Case c);
    }

    private static Row row(String op) {
        OpInfo info = OpInfos.get(op);
        if (info == null || info.samples() == null) throw new IllegalStateException("OpTable maps " + op + ", which has no samples");
        return new Row(op, info, null, Map.of(), List.of(), null);
    }

    // ---- attribute-to-tensor conversions ----

    /** An {@code int[]} attribute as an int32 vector. */
    static Source intVector(String attr) {
        return new FromAttr(attr, c -> vector(c.attrs().getInts(attr)));
    }

    /** An {@code int} attribute as an int32 scalar. */
    static Source intScalar(String attr) {
        return new FromAttr(attr, c -> Values.ints(DType.INT32, Shape.scalar(), c.attrs().getInt(attr)));
    }

    /** Flat paddings {@code [before0, after0, before1, ...]} as TF's {@code [rank, 2]} int32 matrix. */
    static Source paddings(String attr) {
        return new FromAttr(attr, c -> {
            int[] p = c.attrs().getInts(attr);
            return Values.reshaped(vector(p), Shape.of(p.length / 2, 2));
        });
    }

    /** An {@code int} attribute as an int32 scalar, {@code absent} where the call leaves it out. */
    static Source intScalar(String attr, int absent) {
        return new FromAttr(attr, c -> Values.ints(DType.INT32, Shape.scalar(), c.attrs().getInt(attr, absent)));
    }

    /** A fixed int32 scalar for TF's input {@code name}, which JFlow's op does not have. */
    static Source constantInt(String name, int value) {
        return new FromAttr(name, c -> Values.ints(DType.INT32, Shape.scalar(), value));
    }

    /** A {@code Shape} attribute as an int32 vector. */
    static Source shapeVector(String attr) {
        return new FromAttr(attr, c -> vector(c.attrs().getShape(attr).dimsView()));
    }

    /** A number attribute as a scalar of the dtype in attribute {@code dtypeAttr}. */
    static Source scalarOfType(String attr, String dtypeAttr) {
        return new FromAttr(attr, c -> Values.floats(c.attrs().getDType(dtypeAttr), Shape.scalar(), c.attrs().getDouble(attr)));
    }

    /** A {@code long} attribute as an int64 scalar. */
    static Source longScalar(String attr) {
        return new FromAttr(attr, c -> Values.ints(DType.INT64, Shape.scalar(), c.attrs().getLong(attr)));
    }

    /** A reduction's {@code axis}: absent means every axis of input 0, as TF's Python layer passes {@code range(rank)}. */
    static Source axesOrAll(String attr) { return axesOrAll(attr, false); }

    /**
     * As {@link #axesOrAll(String)}, but all axes in reverse, {@code range(rank - 1, -1, -1)}: what
     * Python's {@code reduce_join} passes, since TF's kernel joins in the order of the axes given.
     */
    static Source axesOrAllReversed(String attr) { return axesOrAll(attr, true); }

    private static Source axesOrAll(String attr, boolean reversed) {
        return new FromAttr(attr, c -> {
            int[] axes = (int[]) c.attrs().get(attr);
            if (axes == null) {
                axes = new int[c.inputs()[0].rank()];
                for (int i = 0; i < axes.length; i++) axes[i] = reversed ? axes.length - 1 - i : i;
            }
            return vector(axes);
        });
    }

    private static Tensor vector(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return Values.ints(DType.INT32, Shape.of(v.length), l);
    }

    // ---- the table ----

    /** A row per op with samples: the ops mapped here, the others one to one. */
    static final Map<String, Row> ROWS = new TreeMap<>();

    static {
        for (String op : List.of("Sum", "Mean", "Prod", "EuclideanNorm", "Max", "Min", "Any", "All")) {
            add(row(op).inputs(IN, axesOrAll("axis")));
        }

        add(row("Reshape").inputs(IN, intVector("shape")));
        add(row("ExpandDims").inputs(IN, intScalar("axis")));
        add(row("Transpose").inputs(IN, intVector("perm")));
        add(row("ConcatV2").inputs(LIST, intScalar("axis")));
        add(row("Tile").inputs(IN, intVector("multiples")));
        add(row("ReverseV2").inputs(IN, intVector("axis")));
        add(row("Slice").inputs(IN, intVector("begin"), intVector("size")));
        add(row("Pad").inputs(IN, paddings("paddings")));
        add(row("PadV2").inputs(IN, paddings("paddings"), IN));
        add(row("MirrorPad").inputs(IN, paddings("paddings")));
        add(row("BroadcastTo").inputs(IN, intVector("shape")));
        add(row("Fill").inputs(intVector("dims"), IN));
        add(row("Split").inputs(intScalar("axis"), IN));
        add(row("SplitV").inputs(IN, intVector("size_splits"), intScalar("axis"))
                .implicit("num_split", c -> (long) c.attrs().getInts("size_splits").length));
        add(row("GatherV2").inputs(IN, IN, intScalar("axis")));
        add(row("OneHot").inputs(IN, intScalar("depth"), IN, IN));
        for (String op : List.of("ArgMax", "ArgMin")) add(row(op).inputs(IN, intScalar("axis")));
        for (String op : List.of("Cumsum", "Cumprod")) {
            add(row(op).inputs(IN, intScalar("axis")));
        }

        add(row("TopKV2").inputs(IN, intScalar("k")));
        for (String op : List.of("UnsortedSegmentSum", "UnsortedSegmentProd", "UnsortedSegmentMax", "UnsortedSegmentMin")) {
            add(row(op).inputs(IN, IN, intScalar("num_segments")));
        }
        add(row("ScatterNd").inputs(IN, IN, intVector("shape")));
        add(row("BatchMatMulV3")
                .implicit("Tout", c -> TfRunner.dataType(c.inputs()[0].dtype())));
        for (String op : List.of("Real", "Imag", "ComplexAbs", "Angle")) {
            add(row(op).implicit("Tout", c -> TfRunner.dataType(c.inputs()[0].dtype().realDType())));
        }
        for (String op : List.of("StatelessRandomUniform", "StatelessRandomNormal", "StatelessTruncatedNormal", "StatelessRandomUniformFullInt")) {
            add(row(op).inputs(shapeVector("shape"), IN));
        }
        add(row("StridedSlice").inputs(IN, intVector("begin"), intVector("end"), intVector("strides")));
        add(row("Range").inputs(scalarOfType("start", "Tidx"), scalarOfType("limit", "Tidx"), scalarOfType("delta", "Tidx")));
        add(row("LinSpace").inputs(IN, IN, intScalar("num")));
        add(row("ReduceJoin").inputs(IN, axesOrAllReversed("axis")));
        add(row("InTopKV2").inputs(IN, IN, intScalar("k")));
        add(row("MatrixBandPart").inputs(IN, longScalar("num_lower"), longScalar("num_upper")));
        add(row("Complex").implicit("Tout", c -> c.inputs()[0].dtype() == DType.FLOAT64 ? TfRunner.dataType(DType.COMPLEX128)
                : TfRunner.dataType(DType.COMPLEX64)));
        add(row("Conv2DBackpropInput").inputs(intVector("input_sizes"), IN, IN));
        add(row("Conv2DBackpropFilter").inputs(IN, intVector("filter_sizes"), IN));
        add(row("AvgPoolGrad").inputs(intVector("orig_input_shape"), IN));
        for (String op : List.of("RandomUniform", "RandomStandardNormal", "TruncatedNormal")) {
            add(row(op).inputs(shapeVector("shape")));
        }
        add(row("RandomUniformInt").inputs(shapeVector("shape"), IN, IN));
        add(row("DepthwiseConv2dNativeBackpropInput").inputs(intVector("input_sizes"), IN, IN));
        add(row("DepthwiseConv2dNativeBackpropFilter").inputs(IN, intVector("filter_sizes"), IN));
        add(row("Conv3DBackpropInputV2").inputs(intVector("input_sizes"), IN, IN));
        add(row("Conv3DBackpropFilterV2").inputs(IN, intVector("filter_sizes"), IN));
        add(row("AvgPool3DGrad").inputs(intVector("orig_input_shape"), IN));
        add(row("TensorStridedSliceUpdate").inputs(IN, intVector("begin"), intVector("end"), intVector("strides"), IN));
        add(row("StatelessRandomUniformInt").inputs(shapeVector("shape"), IN, IN, IN));
        // TF's uint64 key [1] and counter [2]; alg is an input in TF
        for (String op : List.of("StatelessRandomUniformV2", "StatelessRandomNormalV2", "StatelessTruncatedNormalV2", "StatelessRandomUniformFullIntV2")) {
            add(row(op).inputs(shapeVector("shape"), UINT64, UINT64, intScalar("alg")));
        }
        add(row("StatelessRandomUniformIntV2").inputs(shapeVector("shape"), UINT64, UINT64, intScalar("alg"), IN, IN));
        add(row("StatelessMultinomial").inputs(IN, intScalar("num_samples"), IN));
        add(row("Multinomial").inputs(IN, intScalar("num_samples")).checkedBy(SampleStatistics.MULTINOMIAL));
        add(row("RandomGamma").inputs(shapeVector("shape"), IN).checkedBy(SampleStatistics.sameDistribution(SampleStatistics.PER_PARAMETER)));
        add(row("RandomPoissonV2").inputs(shapeVector("shape"), IN).checkedBy(SampleStatistics.sameDistribution(SampleStatistics.PER_PARAMETER)));
        add(row("RandomShuffle").checkedBy(SampleStatistics.SHUFFLE));
        add(row("Qr").checkedBy(InvariantChecks.QR));
        add(row("Svd").checkedBy(InvariantChecks.SVD));
        add(row("SelfAdjointEigV2").checkedBy(InvariantChecks.SELF_ADJOINT_EIG));
        add(row("Eig").checkedBy(InvariantChecks.EIG)
                .implicit("Tout", c -> c.inputs()[0].dtype().realDType() == DType.FLOAT64 ? TfRunner.dataType(DType.COMPLEX128)
                        : TfRunner.dataType(DType.COMPLEX64)));
        // TF's V3 ops take the diagonal offset k (JFlow: the main diagonal only), the sizes and the padding as inputs
        add(row("MatrixDiagV3").inputs(IN, constantInt("k", 0), intScalar("num_rows", -1), intScalar("num_cols", -1),
                new FromAttr("padding_value", MathCases::zeroOf)));
        add(row("MatrixDiagPartV3").inputs(IN, constantInt("k", 0), new FromAttr("padding_value", MathCases::zeroOf)));
        add(row("Bincount").inputs(IN, new FromAttr("minlength", MathCases::bincountSize), new OptionalNext(MathCases::noWeights))
                .folded("maxlength", "dtype"));
        add(row("StringSplitV2").inputs(IN, new FromAttr("sep", c -> Values.strings(Shape.scalar(), c.attrs().getString("sep")))));
        for (OpInfo info : OpInfos.all()) if (info.samples() != null && !ROWS.containsKey(info.name())) add(row(info.name()));
    }

    private static void add(Row r) {
        if (ROWS.put(r.op(), r) != null) throw new IllegalStateException("Two rows for " + r.op());
    }

    /** TF's inputs for a call (each a tensor, or a list of them) under {@code row}; {@code tfListArgs} tells which of TF's arguments are lists. */
    static List<Object> tfInputs(Row row, boolean[] tfListArgs, Cases.Case c) {
        List<Source> sources = row.inputs() != null ? row.inputs() : oneToOne(tfListArgs);
        List<Object> out = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < sources.size(); s++) {
            switch (sources.get(s)) {
                case Next n -> out.add(c.inputs()[next++]);
                case Rest r -> {
                    int later = (int) sources.subList(s + 1, sources.size()).stream().filter(x -> x instanceof Next).count();
                    int end = c.inputs().length - later;
                    out.add(java.util.Arrays.copyOfRange(c.inputs(), next, end));
                    next = end;
                }
                case FromAttr a -> out.add(a.tensor().apply(c));
                case OptionalNext o -> out.add(next < c.inputs().length ? c.inputs()[next++] : o.absent().apply(c));
                case Uint64 u -> out.add(new Uint64Input(c.inputs()[next++]));
            }
        }
        if (next != c.inputs().length) throw new IllegalStateException(row.op() + ": " + (c.inputs().length - next) + " JFlow inputs left unmapped");
        return out;
    }

    private static List<Source> oneToOne(boolean[] tfListArgs) {
        List<Source> s = new ArrayList<>();
        for (boolean list : tfListArgs) s.add(list ? LIST : IN);
        return s;
    }

    /** The JFlow attributes that become TF inputs under {@code row}. */
    static List<String> attrsAsInputs(Row row) {
        List<String> names = new ArrayList<>(row.folded());
        if (row.inputs() != null) for (Source s : row.inputs()) if (s instanceof FromAttr a) names.add(a.attr());
        return names;
    }

    /** The row's implicit TF attributes for a call. */
    static Map<String, Object> implicitAttrs(Row row, Cases.Case c) {
        Map<String, Object> m = new TreeMap<>();
        row.implicit().forEach((k, f) -> m.put(k, f.apply(c)));
        return m;
    }
}
