package org.jflow.data;

import java.util.Iterator;
import java.util.function.Function;

/**
 * {@code interleave(fn, cycle_length, block_length)} and, with a cycle of 1, {@code flat_map(fn)}:
 * {@code fn} maps each input element to a dataset; up to {@code cycleLength} of them are open at once
 * and visited round robin, {@code blockLength} elements at a time; an exhausted slot is refilled with the
 * next input's dataset when the round comes back to it, as TF's deterministic interleave does.
 */
final class InterleaveDataset<T, R> extends UnaryDataset<T, R> {
    private final Function<? super T, ? extends Dataset<R>> fn;
    private final int cycleLength, blockLength;

    InterleaveDataset(Dataset<T> input, Function<? super T, ? extends Dataset<R>> fn, int cycleLength, int blockLength) {
        super(input);
        if (blockLength < 1) throw new org.jflow.errors.InvalidArgumentError("block_length must be greater than zero.");
        this.fn = fn;
        this.cycleLength = cycleLength;
        this.blockLength = blockLength;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<R> iterator() {
        Iterator<T> in = input.iterator();
        Iterator<R>[] cycle = new Iterator[cycleLength];
        return new ElementIterator<>() {
            private int position, inBlock, open;

            /** TF's loop: read a block from the slot, open the next input in an empty slot, skip empty slots at the end. */
            @Override
            protected R advance() {
                while (in.hasNext() || open > 0) {
                    Iterator<R> current = cycle[position];
                    if (current != null) {
                        if (current.hasNext()) {
                            R out = current.next();
                            if (++inBlock == blockLength) nextSlot();
                            return out;
                        }
                        cycle[position] = null;
                        open--;
                        nextSlot();
                    } else if (in.hasNext()) {
                        cycle[position] = fn.apply(in.next()).iterator();
                        open++;
                    } else {
                        nextSlot();
                    }
                }
                return null;
            }

            private void nextSlot() {
                inBlock = 0;
                position = (position + 1) % cycleLength;
            }
        };
    }

    @Override
    public Object elementSpec() {
        Iterator<T> in = input.iterator();
        if (!in.hasNext()) throw new org.jflow.errors.InvalidArgumentError("Cannot find the element spec of an empty "
                + "input to flat_map or interleave");
        return fn.apply(in.next()).elementSpec();
    }
}
