package org.jflow.data;

import org.jflow.format.TensorFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Python's {@code collections.OrderedDict}: a {@code LinkedHashMap} that prints as Python 3.11
 * prints one, {@code OrderedDict([('a', <tf.Tensor: ...>), ...])}; {@code make_csv_dataset}'s
 * feature maps are these.
 */
public final class OrderedDict<K, V> extends LinkedHashMap<K, V> {
    @Override
    public String toString() {
        List<String> items = new ArrayList<>(size());
        forEach((k, v) -> items.add("(" + TensorFormat.repr(k) + ", " + TensorFormat.repr(v) + ")"));
        return "OrderedDict([" + String.join(", ", items) + "])";
    }
}
