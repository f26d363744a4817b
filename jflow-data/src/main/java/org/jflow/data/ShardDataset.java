package org.jflow.data;

import org.jflow.errors.InvalidArgumentError;

import java.util.Iterator;

/** {@code shard(num_shards, index)}: the elements whose position modulo {@code numShards} is {@code index}. */
final class ShardDataset<T> extends UnaryDataset<T, T> {
    private final long numShards, index;

    ShardDataset(Dataset<T> input, long numShards, long index) {
        super(input);
        if (numShards <= 0) throw new InvalidArgumentError("Number of shards must be greater than zero (currently num_shards = "
                + numShards + ").");
        if (index < 0 || index >= numShards) throw new InvalidArgumentError("Index must be between 0 and " + (numShards - 1)
                + " (currently index = " + index + ").");
        this.numShards = numShards;
        this.index = index;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> in = input.iterator();
        return new ElementIterator<>() {
            private long position;

            @Override
            protected T advance() {
                while (in.hasNext()) {
                    T e = in.next();
                    if (position++ % numShards == index) return e;
                }
                return null;
            }
        };
    }


    @Override
    public long cardinality() {
        long n = input.cardinality();
        return n < 0 ? n : n / numShards + (n % numShards > index ? 1 : 0);
    }
}
