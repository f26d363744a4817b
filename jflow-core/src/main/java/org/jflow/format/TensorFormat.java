package org.jflow.format;

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
     * {@code <tf.RaggedTensor [[b'a', b'b'], [b'c']]>}, as TF's {@code RaggedTensor.__repr__}: its
     * {@code numpy()} (rows of equal length as one 2-D array, else an object array of rows) through
     * {@code np.array2string(separator=", ")} with every element as Python's {@code str}: bytes for
     * strings, the shortest digits of each float (float32 0.1 as 0.1), ints; lines wrap at 75 columns.
     */
    public static String ragged(RaggedTensor r) {
        long[] splits = r.rowSplits().toLongArray();
        Tensor v = r.values();
        int rows = splits.length - 1;
        boolean uniform = true;
        for (int i = 1; i < rows; i++) uniform &= splits[i + 1] - splits[i] == splits[1] - splits[0];
        String text;
        if (rows == 0) {
            text = "[]";
        } else if (uniform && splits[1] == splits[0]) { // an empty 2-D array prints as repr(tolist())
            text = "[" + String.join(", ", java.util.Collections.nCopies(rows, "[]")) + "]";
        } else if (uniform) {
            text = NumpyLayout.format(new int[] {rows, (int) (splits[1] - splits[0])}, k -> pythonElement(v, k));
        } else {
            text = NumpyLayout.format(new int[] {rows}, i -> splits[i + 1] == splits[i] ? "[]" : NumpyLayout.format(
                    new int[] {(int) (splits[i + 1] - splits[i])}, k -> pythonElement(v, (int) splits[i] + k)));
        }
        return "<tf.RaggedTensor " + text + ">";
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
