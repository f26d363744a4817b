package org.jflow.golden;

import org.jflow.Golden;
import org.jflow.Tensor;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * TF's outcome per named case from a golden file: an error (class simple name and text) or a result (shape, values).
 */
public final class TfOutcomes {
    private final Map<String, Object> cases;

    /** The outcomes of {@code golden/<name>.json}. */
    public TfOutcomes(String name) { cases = Golden.load(name).cases(); }

    @SuppressWarnings("unchecked")
    private Map<String, Object> outcome(String name) {
        Map<String, Object> c = (Map<String, Object>) cases.get(name);
        if (c == null) throw new IllegalArgumentException("no golden case " + name);
        return c;
    }

    /** TF's error text for the case. */
    public String message(String name) { return (String) outcome(name).get("message"); }

    /** Asserts that {@code call} raises TF's exception class with TF's text. */
    public Throwable assertRaises(String name, Executable call) {
        Map<String, Object> c = outcome(name);
        Throwable t = assertThrows(Throwable.class, call, name);
        assertEquals(c.get("error"), t.getClass().getSimpleName(), name + ": " + t);
        assertEquals(c.get("message"), t.getMessage(), name);
        return t;
    }

    /** Asserts that {@code t} has TF's result shape and values (null in the golden is NaN). */
    @SuppressWarnings("unchecked")
    public void assertResult(String name, Tensor t) {
        assertResult(name, (Map<String, Object>) outcome(name).get("result"), t);
    }

    /** For a case whose result is a list of tensors. */
    @SuppressWarnings("unchecked")
    public void assertResults(String name, Tensor... ts) {
        List<Object> results = (List<Object>) outcome(name).get("result");
        assertEquals(results.size(), ts.length, name);
        for (int i = 0; i < ts.length; i++) assertResult(name + "[" + i + "]", (Map<String, Object>) results.get(i),
                ts[i]);
    }

    @SuppressWarnings("unchecked")
    private static void assertResult(String name, Map<String, Object> r, Tensor t) {
        int[] shape = ((List<Object>) r.get("shape")).stream().mapToInt(o -> ((Double) o).intValue()).toArray();
        assertArrayEquals(shape, t.shape().dims(), name);
        List<Object> values = (List<Object>) r.get("values");
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            Object actual = t.element(i);
            if (v instanceof String s) {
                assertEquals(s, String.valueOf(actual), name);
            } else {
                double expected = v == null ? Double.NaN : (Double) v;
                assertEquals(expected, ((Number) actual).doubleValue(), 1e-6, name + " at " + i);
            }
        }
    }
}
