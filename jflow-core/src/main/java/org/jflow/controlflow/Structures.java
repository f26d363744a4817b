package org.jflow.controlflow;

import org.jflow.Shape;
import org.jflow.TensorLike;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What control flow checks of the structures branches and loop bodies return (TF's {@code nest.assert_same_structure}). */
final class Structures {
    private Structures() {}

    /** Whether two structures nest the same way: tensors where tensors are, lists and tuples of the same lengths, maps with the same keys. */
    static boolean same(Object a, Object b) {
        return switch (a) {
            case TensorLike t -> b instanceof TensorLike;
            case Object[] xs -> {
                if (!(b instanceof Object[] ys) || ys.length != xs.length || xs.getClass() != ys.getClass()) yield false;
                for (int i = 0; i < xs.length; i++) if (!same(xs[i], ys[i])) yield false;
                yield true;
            }
            case List<?> xs -> {
                if (!(b instanceof List<?> ys) || ys.size() != xs.size()) yield false;
                Iterator<?> it = ys.iterator();
                for (Object x : xs) if (!same(x, it.next())) yield false;
                yield true;
            }
            case Map<?, ?> xs -> {
                if (!(b instanceof Map<?, ?> ys) || !ys.keySet().equals(xs.keySet())) yield false;
                for (Map.Entry<?, ?> e : xs.entrySet()) if (!same(e.getValue(), ys.get(e.getKey()))) yield false;
                yield true;
            }
            case null, default -> !(b instanceof TensorLike || b instanceof Object[] || b instanceof List || b instanceof Map)
                    && Objects.equals(a, b);
        };
    }

    /** A structure as Python prints it: tuples in parentheses, lists in brackets. */
    static String str(Object s) {
        return switch (s) {
            case Object[] xs -> {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < xs.length; i++) sb.append(i > 0 ? ", " : "").append(str(xs[i]));
                yield sb.append(xs.length == 1 ? ",)" : ")").toString();
            }
            case List<?> xs -> "[" + String.join(", ", xs.stream().map(Structures::str).toList()) + "]";
            case null -> "None";
            default -> s.toString();
        };
    }

    /** The most specific shape both shapes are compatible with: dims that agree stay, others become unknown. */
    static Shape mostSpecificCompatible(Shape a, Shape b) {
        if (!a.hasRank() || !b.hasRank() || a.rank() != b.rank()) return Shape.unknownRank();
        int[] dims = new int[a.rank()];
        for (int i = 0; i < dims.length; i++) dims[i] = a.get(i) == b.get(i) ? a.get(i) : Shape.UNKNOWN;
        return Shape.ofOwned(dims);
    }

    /** TF's {@code _ShapeLessThanOrEqual}: whether {@code shape} is at least as specific as {@code invariant}. */
    static boolean fitsInvariant(Shape shape, Shape invariant) {
        if (!invariant.hasRank()) return true;
        if (!shape.hasRank() || shape.rank() != invariant.rank()) return false;
        for (int i = 0; i < shape.rank(); i++) {
            if (invariant.get(i) != Shape.UNKNOWN && invariant.get(i) != shape.get(i)) return false;
        }
        return true;
    }
}
