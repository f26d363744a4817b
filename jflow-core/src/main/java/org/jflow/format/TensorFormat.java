package org.jflow.format;

import org.jflow.RaggedOrDense;
import org.jflow.RaggedTensor;
import org.jflow.Tensor;
import org.jflow.Variable;

import java.util.ArrayList;
import java.util.List;

/**
 * How TF's Python objects print: {@code str} and {@code repr} of eager tensors and variables
 * (ops.py's {@code numpy_text}), and lists of them as Python and IPython show lists.
 */
public final class TensorFormat {
    private TensorFormat() {}

    /** IPython's display width, used to decide whether a list fits on one line. */
    private static final int DISPLAY_WIDTH = 79;

    /** {@code tf.Tensor([1 2 4], shape=(3,), dtype=int32)}; a multi-line body starts on its own line. */
    public static String str(Tensor t) {
        return "tf.Tensor(" + numpyText(t, false) + ", shape=" + t.shape() + ", dtype=" + t.dtype().tfName() + ")";
    }

    /** {@code <tf.Tensor: shape=(3,), dtype=int32, numpy=array([1, 2, 4], dtype=int32)>}. */
    public static String repr(Tensor t) {
        return "<tf.Tensor: shape=" + t.shape() + ", dtype=" + t.dtype().tfName() + ", numpy=" + numpyText(t, true) + ">";
    }

    /**
     * {@code <tf.RaggedTensor [[b'a', b'b'], [b'c']]>}, as TF's {@code RaggedTensor.__repr__}: its {@code numpy()}
     * ({@link Numpy}) through {@code np.array2string(separator=", ")} with every element formatted by TF's
     * {@code _formatter}: a nested array by the same rule, an empty one as Python's {@code repr(tolist())}, a
     * scalar as Python's {@code str} (bytes for strings, the shortest digits of each float, ints); lines wrap at
     * 75 columns.
     */
    public static String ragged(RaggedTensor r) { return "<tf.RaggedTensor " + numpy(r).text() + ">"; }

    /**
     * What {@code RaggedTensor.numpy()} builds: the values' array cut into rows; rows of one length stack into
     * an array one dimension higher (an object array where the rows are object arrays), rows of several lengths
     * make a 1-D object array of the row arrays, no rows an empty {@code (0, 0, ...)} array.
     */
    private sealed interface Numpy {
        int[] shape();

        /** The first {@code n} rows from row {@code from}. */
        Numpy rows(int from, int n);

        /** The first dimension split in two, {@code (rows * length, ...)} to {@code (rows, length, ...)}. */
        Numpy split(int rows, int length);

        String text();

        default int size() {
            int n = 1;
            for (int d : shape()) n *= d;
            return n;
        }

        /** {@code repr(a.tolist())} of an empty array: lists down to the first empty dimension. */
        static String emptyText(int[] shape, int axis) {
            if (axis == shape.length || shape[axis] == 0) return "[]";
            return "[" + String.join(", ", java.util.Collections.nCopies(shape[axis], emptyText(shape, axis + 1))) + "]";
        }

        static int[] withFirst(int first, int[] shape) {
            int[] d = shape.clone();
            d[0] = first;
            return d;
        }

        static int[] split(int rows, int length, int[] shape) {
            int[] d = new int[shape.length + 1];
            d[0] = rows;
            d[1] = length;
            System.arraycopy(shape, 1, d, 2, shape.length - 1);
            return d;
        }
    }

    /** A numeric or string array: elements {@code offset..} of the flat values. */
    private record Plain(int[] shape, Tensor flat, int offset) implements Numpy {
        private int innerSize() {
            int n = 1;
            for (int k = 1; k < shape.length; k++) n *= shape[k];
            return n;
        }

        public Numpy rows(int from, int n) { return new Plain(Numpy.withFirst(n, shape), flat, offset + from * innerSize()); }

        public Numpy split(int rows, int length) { return new Plain(Numpy.split(rows, length, shape), flat, offset); }

        public String text() {
            return size() == 0 ? Numpy.emptyText(shape, 0) : NumpyLayout.format(shape, k -> pythonElement(flat, offset + k));
        }
    }

    /** An object array whose elements are arrays, row-major. */
    private record Objects(int[] shape, List<Numpy> elements) implements Numpy {
        private int innerSize() {
            int n = 1;
            for (int k = 1; k < shape.length; k++) n *= shape[k];
            return n;
        }

        public Numpy rows(int from, int n) {
            return new Objects(Numpy.withFirst(n, shape), elements.subList(from * innerSize(), (from + n) * innerSize()));
        }

        public Numpy split(int rows, int length) { return new Objects(Numpy.split(rows, length, shape), elements); }

        public String text() {
            return size() == 0 ? Numpy.emptyText(shape, 0) : NumpyLayout.format(shape, k -> elements.get(k).text());
        }
    }

    private static Numpy numpy(RaggedOrDense v) {
        if (v instanceof Tensor t) return new Plain(t.shape().dims(), t, 0);
        RaggedTensor r = (RaggedTensor) v;
        Numpy values = numpy(r.values());
        long[] s = r.rowSplits().toLongArray();
        int rows = s.length - 1;
        if (rows == 0) {
            int[] d = values.shape();
            int[] empty = new int[d.length + 1];
            System.arraycopy(d, 1, empty, 2, d.length - 1);
            return new Plain(empty, r.flatValues(), 0);
        }
        boolean uniform = true;
        for (int i = 1; i < rows; i++) uniform &= s[i + 1] - s[i] == s[1] - s[0];
        if (uniform) {
            // np.array(rows): consecutive rows of one length, stacked, are their block of the values split in two
            int length = (int) (s[1] - s[0]);
            return values.rows((int) s[0], rows * length).split(rows, length);
        }
        List<Numpy> each = new ArrayList<>();
        for (int i = 0; i < rows; i++) each.add(values.rows((int) s[i], (int) (s[i + 1] - s[i])));
        return new Objects(new int[] {rows}, each);
    }

    private static String pythonElement(Tensor v, int k) {
        return switch (v.dtype()) {
            case STRING -> PythonText.bytesRepr(((byte[][]) v.data())[k]);
            case FLOAT16, BFLOAT16, FLOAT32 -> FloatDigits.scalarRepr((Float) v.element(k), FloatDigits.Precision.FLOAT);
            case FLOAT64 -> FloatDigits.scalarRepr((Double) v.element(k), FloatDigits.Precision.DOUBLE);
            case BOOL -> (Boolean) v.element(k) ? "True" : "False";
            default -> String.valueOf(v.element(k));
        };
    }

    /** {@code <tf.Variable 'v:0' shape=(2,) dtype=float32, numpy=array([1., 2.], dtype=float32)>}. */
    public static String variableRepr(Variable v) {
        return "<tf.Variable '" + v.name() + "' shape=" + v.shape() + " dtype=" + v.dtype().tfName() + ", numpy="
                + numpyText(v.value(), true) + ">";
    }

    /** TF's {@code numpy_text}: the NumPy str or repr, moved to a new line when it spans several. */
    private static String numpyText(Tensor t, boolean repr) {
        String text = repr ? NumpyFormat.repr(t) : NumpyFormat.str(t);
        return text.indexOf('\n') >= 0 ? "\n" + text : text;
    }

    /**
     * Python's {@code repr} of a value: tensors and variables as TF writes them, a {@code List} as a
     * Python list, an {@code Object[]} as a tuple, a {@code Map} as a dict. Python's {@code print(x)}
     * of a container prints this.
     */
    public static String repr(Object o) {
        if (o instanceof Tensor t) return t.repr();
        if (o instanceof Variable v) return variableRepr(v);
        if (o instanceof String s) return PythonText.stringRepr(s);
        if (o instanceof org.jflow.Tuple<?> tuple) return tuple.toString();
        if (o instanceof List<?> list) return reprList(list);
        if (o instanceof Object[] tuple) {
            return tuple.length == 1 ? "(" + repr(tuple[0]) + ",)" : "(" + joinReprs(List.of(tuple)) + ")";
        }
        if (o instanceof java.util.Map<?, ?> map) {
            List<String> items = new ArrayList<>(map.size());
            map.forEach((k, v) -> items.add(repr(k) + ": " + repr(v)));
            return "{" + String.join(", ", items) + "}";
        }
        if (o instanceof Boolean b) return b ? "True" : "False";
        if (o instanceof Float f) return FloatDigits.scalarRepr(f, FloatDigits.Precision.FLOAT);
        if (o instanceof Double d) return FloatDigits.scalarRepr(d, FloatDigits.Precision.DOUBLE);
        return String.valueOf(o);
    }

    /** Python's {@code repr(list)}: {@code [<tf.Tensor: ...>, <tf.Tensor: ...>]}, items joined by {@code ", "}. */
    public static String reprList(List<?> items) { return "[" + joinReprs(items) + "]"; }

    private static String joinReprs(List<?> items) {
        List<String> parts = new ArrayList<>(items.size());
        for (Object o : items) parts.add(repr(o));
        return String.join(", ", parts);
    }

    /**
     * A list as a notebook displays it (IPython's pretty printer): on one line when it fits in 79
     * columns, else one item per line, continuation lines indented by one space.
     */
    public static String prettyList(List<?> items) {
        String oneLine = reprList(items);
        if (oneLine.indexOf('\n') < 0 && oneLine.length() <= DISPLAY_WIDTH) return oneLine;
        List<String> parts = new ArrayList<>(items.size());
        for (Object o : items) parts.add(repr(o).replace("\n", "\n "));
        return "[" + String.join(",\n ", parts) + "]";
    }
}
