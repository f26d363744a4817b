package org.jflow.data;

import org.jflow.Tensor;
import org.jflow.Tuple;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@code tf.data.Dataset}: a sequence of elements, each a tensor or a structure of tensors
 * ({@link Tuple}s and {@code Map}s), built from sources and chained transformations, iterated as a
 * Java {@code Iterable} (Python's {@code for x in ds}). Datasets are immutable descriptions: each
 * {@link #iterator()} starts a fresh pass, as each Python iteration does.
 * <p>
 * Functions given to {@link #map}, {@link #filter}, {@link #reduce} and {@link #scan} are traced once
 * into a graph on the dataset's {@link #elementSpec()}, as TF traces them: Java code inside them runs
 * once per trace, not per element, and {@code tf.print} runs per element. Functions that return a
 * dataset ({@link #flatMap}, {@link #interleave}) run per element, since a dataset is a Java object
 * and not a graph value.
 *
 * @param <T> the element type: {@link Tensor}, {@link Tuple}, {@code Map}, or {@code Dataset} for windows
 */
public abstract class Dataset<T> implements Iterable<T> {
    /** {@code tf.data.INFINITE_CARDINALITY}. */
    public static final long INFINITE = -1;
    /** {@code tf.data.UNKNOWN_CARDINALITY}. */
    public static final long UNKNOWN = -2;
    /** {@code tf.data.AUTOTUNE}: the runtime picks the parallelism or buffer size. */
    public static final int AUTOTUNE = -1;

    /** A fresh pass over the elements. */
    @Override
    public abstract Iterator<T> iterator();

    /**
     * {@code element_spec}: the structure of the elements with a {@link org.jflow.engine.TensorSpec}
     * per tensor (an unknown dimension is -1, printed as None).
     */
    public abstract Object elementSpec();

    /** {@code cardinality()}: the number of elements, {@link #INFINITE} or {@link #UNKNOWN}. */
    public long cardinality() { return UNKNOWN; }

    // ---- sources -------------------------------------------------------------------------------

    /** {@code Dataset.from_tensor_slices(t)}: the slices of {@code tensor} along its first axis. */
    public static Dataset<Tensor> fromTensorSlices(Tensor tensor) { return new TensorSliceDataset<>(tensor); }

    /**
     * {@code Dataset.from_tensor_slices(structure)}: a Java array or list (converted as
     * {@code tf.constant} converts it), a {@link Tuple} or a {@code Map} of columns, sliced along the
     * first axis of every component; Java {@code long}s stay int64 and floats become float32, as TF
     * converts Python values.
     */
    public static <T> Dataset<T> fromTensorSlices(Object structure) {
        return new TensorSliceDataset<>(Structure.toTensors(structure));
    }

    /** {@code Dataset.from_tensor_slices((a, b, ...))}: the slices of a tuple of components. */
    public static Dataset<Tuple<Tensor>> fromTensorSlices(Object first, Object second, Object... more) {
        return new TensorSliceDataset<>(Structure.toTensors(tuple(first, second, more)));
    }

    /** {@code Dataset.from_tensors(structure)}: one element, the whole structure. */
    public static <T> Dataset<T> fromTensors(Object structure) {
        return new TensorDataset<>(Structure.toTensors(structure));
    }

    /** {@code Dataset.range(stop)}: int64 scalars 0, 1, ..., stop - 1. */
    public static Dataset<Tensor> range(long stop) { return new RangeDataset(0, stop, 1); }

    /** {@code Dataset.range(start, stop)}. */
    public static Dataset<Tensor> range(long start, long stop) { return new RangeDataset(start, stop, 1); }

    /** {@code Dataset.range(start, stop, step)}; a zero step is TF's InvalidArgumentError. */
    public static Dataset<Tensor> range(long start, long stop, long step) { return new RangeDataset(start, stop, step); }

    /** {@code Dataset.zip((a, b, ...))}: tuples of the datasets' elements, as long as the shortest. */
    public static Dataset<Tuple<Object>> zip(Dataset<?>... datasets) { return new ZipDataset(List.of(datasets)); }

    /**
     * {@code Dataset.from_generator(generator, output_signature=...)}: the elements a fresh iterator
     * of {@code generator} yields (a new one per pass), converted to tensors and checked against
     * {@code outputSignature}, a structure of {@link org.jflow.engine.TensorSpec}s.
     */
    public static <T> Dataset<T> fromGenerator(java.util.function.Supplier<? extends Iterator<?>> generator,
                                               Object outputSignature) {
        return new GeneratorDataset<>(generator, outputSignature);
    }

    /**
     * {@code Dataset.list_files(pattern, shuffle=True)}: the files matching a glob ({@code *},
     * {@code ?}, {@code [...]} per path component), in a random order that changes each pass.
     */
    public static Dataset<Tensor> listFiles(String pattern) { return ListFiles.of(List.of(pattern), true, null); }

    /** {@code Dataset.list_files(pattern, shuffle, seed)}; a null seed draws one at random. */
    public static Dataset<Tensor> listFiles(String pattern, boolean shuffle, Long seed) {
        return ListFiles.of(List.of(pattern), shuffle, seed);
    }

    /**
     * {@code Dataset.sample_from_datasets(datasets, weights, seed, stop_on_empty_dataset)}: elements
     * drawn from the datasets at random with the given weights (null: uniform); an exhausted dataset
     * leaves the draw, or ends the result with {@code stopOnEmptyDataset}.
     */
    public static <T> Dataset<T> sampleFromDatasets(List<Dataset<T>> datasets, double[] weights, Long seed,
                                                    boolean stopOnEmptyDataset) {
        return new SampleDataset<>(datasets, weights, seed, stopOnEmptyDataset);
    }

    /** {@code Dataset.sample_from_datasets(datasets)}: uniform weights, a random seed. */
    public static <T> Dataset<T> sampleFromDatasets(List<Dataset<T>> datasets) {
        return sampleFromDatasets(datasets, null, null, false);
    }

    /**
     * {@code Dataset.choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset=True)}: each
     * int64 scalar of {@code choiceDataset} names the dataset of the next element.
     */
    public static <T> Dataset<T> chooseFromDatasets(List<Dataset<T>> datasets, Dataset<Tensor> choiceDataset) {
        return chooseFromDatasets(datasets, choiceDataset, true);
    }

    /** {@code choose_from_datasets(..., stop_on_empty_dataset)}: false skips choices of exhausted datasets. */
    public static <T> Dataset<T> chooseFromDatasets(List<Dataset<T>> datasets, Dataset<Tensor> choiceDataset,
                                                    boolean stopOnEmptyDataset) {
        return new ChooseDataset<>(datasets, choiceDataset, stopOnEmptyDataset);
    }

    // ---- transformations -----------------------------------------------------------------------

    /** {@code map(fn)}: {@code fn} traced once on {@link #elementSpec()}, then run on each element in order. */
    public <R> Dataset<R> map(Function<? super T, ? extends R> fn) { return map(fn, 1); }

    /**
     * {@code map(fn, num_parallel_calls)}: elements computed in parallel, delivered in order unless
     * the pipeline's {@link Options#deterministic} is false.
     */
    public <R> Dataset<R> map(Function<? super T, ? extends R> fn, int numParallelCalls) {
        return new MapDataset<>(this, new ElementFunction(this, fn), numParallelCalls, null);
    }

    /** {@code map(fn, num_parallel_calls, deterministic)}: false lets finished elements overtake. */
    public <R> Dataset<R> map(Function<? super T, ? extends R> fn, int numParallelCalls, boolean deterministic) {
        return new MapDataset<>(this, new ElementFunction(this, fn), numParallelCalls, deterministic);
    }

    /** {@code map(lambda x, y: ...)}: a function of a two-component tuple's tensors. */
    public <R> Dataset<R> map(BiFunction<Tensor, Tensor, ? extends R> fn) { return map(fn, 1); }

    /** {@code map(lambda x, y: ..., num_parallel_calls)}. */
    public <R> Dataset<R> map(BiFunction<Tensor, Tensor, ? extends R> fn, int numParallelCalls) {
        return new MapDataset<>(this, new ElementFunction(this, unpacked(fn)), numParallelCalls, null);
    }

    /** {@code filter(predicate)}: the elements for which the traced predicate gives a scalar bool true. */
    public Dataset<T> filter(Function<? super T, Tensor> predicate) {
        return new FilterDataset<>(this, new ElementFunction(this, predicate));
    }

    /** {@code filter(lambda x, y: ...)} on two-component tuples. */
    public Dataset<T> filter(BiFunction<Tensor, Tensor, Tensor> predicate) {
        return new FilterDataset<>(this, new ElementFunction(this, unpacked(predicate)));
    }

    /** {@code flat_map(fn)}: the elements of the dataset {@code fn} returns for each element, in turn. */
    public <R> Dataset<R> flatMap(Function<? super T, ? extends Dataset<R>> fn) {
        return new InterleaveDataset<>(this, fn, 1, 1);
    }

    /**
     * {@code interleave(fn)}: TF's defaults, a cycle of as many inputs as there are CPUs (at least
     * the tutorial's round robin over all of them when fewer) and blocks of 1.
     */
    public <R> Dataset<R> interleave(Function<? super T, ? extends Dataset<R>> fn) {
        return interleave(fn, AUTOTUNE, 1);
    }

    /** {@code interleave(fn, cycle_length, block_length)}: round robin over {@code cycleLength} open datasets. */
    public <R> Dataset<R> interleave(Function<? super T, ? extends Dataset<R>> fn, int cycleLength, int blockLength) {
        int cycle = cycleLength == AUTOTUNE ? Runtime.getRuntime().availableProcessors() : cycleLength;
        return new InterleaveDataset<>(this, fn, Math.max(cycle, 1), blockLength);
    }

    /** {@code batch(batch_size)}: consecutive elements stacked along a new first axis; the last batch may be short. */
    public Dataset<T> batch(int batchSize) { return batch(batchSize, false); }

    /** {@code batch(batch_size, drop_remainder)}. */
    public Dataset<T> batch(int batchSize, boolean dropRemainder) {
        return new BatchDataset<>(this, batchSize, dropRemainder, null, null);
    }

    /** {@code padded_batch(batch_size)}: each component padded with zeros (or "") to the batch's largest shape. */
    public Dataset<T> paddedBatch(int batchSize) { return paddedBatch(batchSize, null, null, false); }

    /**
     * {@code padded_batch(batch_size, padded_shapes, padding_values, drop_remainder)}: shapes as a
     * structure of {@link org.jflow.Shape}s or {@code int[]}s (-1: the batch's largest), padding values
     * as a structure of scalars (null: 0 and "").
     */
    public Dataset<T> paddedBatch(int batchSize, Object paddedShapes, Object paddingValues, boolean dropRemainder) {
        return new BatchDataset<>(this, batchSize, dropRemainder, paddedShapes == null ? Padding.LARGEST : paddedShapes,
                paddingValues == null ? null : Structure.toTensors(paddingValues));
    }

    /** {@code unbatch()}: each element split along its first axis. */
    public Dataset<T> unbatch() { return new UnbatchDataset<>(this); }

    /**
     * {@code window(size, shift, stride, drop_remainder)}: a dataset of datasets, each holding
     * {@code size} elements (fewer at the end unless dropped), starting {@code shift} elements apart
     * and taking every {@code stride}-th.
     */
    public Dataset<Dataset<T>> window(int size, int shift, int stride, boolean dropRemainder) {
        return new WindowDataset<>(this, size, shift, stride, dropRemainder);
    }

    /** {@code window(size, shift)}. */
    public Dataset<Dataset<T>> window(int size, int shift) { return window(size, shift, 1, false); }

    /** {@code window(size)}: non-overlapping windows. */
    public Dataset<Dataset<T>> window(int size) { return window(size, size, 1, false); }

    /** {@code shuffle(buffer_size)}: a random order from a buffer of that many elements, new each pass. */
    public Dataset<T> shuffle(long bufferSize) { return shuffle(bufferSize, null, true); }

    /**
     * {@code shuffle(buffer_size, seed, reshuffle_each_iteration)}: TF's order for the same seeds (a
     * null op seed takes one from the global seed, or draws at random without one).
     */
    public Dataset<T> shuffle(long bufferSize, Long seed, boolean reshuffleEachIteration) {
        return new ShuffleDataset<>(this, bufferSize, seed, reshuffleEachIteration);
    }

    /** {@code repeat()}: the elements again and again, forever. */
    public Dataset<T> repeat() { return new RepeatDataset<>(this, -1); }

    /** {@code repeat(count)}: the elements {@code count} times (-1: forever). */
    public Dataset<T> repeat(long count) { return new RepeatDataset<>(this, count); }

    /** {@code shard(num_shards, index)}: every {@code numShards}-th element, starting at {@code index}. */
    public Dataset<T> shard(long numShards, long index) { return new ShardDataset<>(this, numShards, index); }

    /** {@code take(count)}: at most the first {@code count} elements (-1: all). */
    public Dataset<T> take(long count) { return new TakeDataset<>(this, count); }

    /** {@code skip(count)}: all but the first {@code count} elements (-1: none). */
    public Dataset<T> skip(long count) { return new SkipDataset<>(this, count); }

    /** {@code prefetch(buffer_size)}: a background thread keeps up to that many elements ready ({@link #AUTOTUNE}: 2 per CPU). */
    public Dataset<T> prefetch(int bufferSize) { return new PrefetchDataset<>(this, bufferSize); }

    /** {@code cache()}: the first complete pass is kept in memory and later passes replay it. */
    public Dataset<T> cache() { return new CacheDataset<>(this); }

    /** {@code concatenate(other)}: this dataset's elements, then {@code other}'s; their specs must be compatible. */
    public Dataset<T> concatenate(Dataset<T> other) { return new ConcatenateDataset<>(this, other); }

    /** {@code enumerate(start=0)}: (int64 index, element) tuples. */
    public Dataset<Tuple<Object>> enumerate() { return enumerate(0); }

    /** {@code enumerate(start)}. */
    public Dataset<Tuple<Object>> enumerate(long start) { return zip(range(start, Long.MAX_VALUE), this); }

    /**
     * {@code scan(initial_state, scan_func)}: {@code fn(state, element)} returns a {@link Tuple} (new
     * state, output element); traced once, as {@code map}'s function.
     */
    @SuppressWarnings("unchecked")
    public <S, R> Dataset<R> scan(Object initialState, BiFunction<S, ? super T, Tuple<?>> fn) {
        Object state = Structure.toTensors(initialState);
        return new ScanDataset<>(this, state, ElementFunction.ofPair(Structure.spec(state), elementSpec(),
                (s, e) -> fn.apply((S) s, (T) e)));
    }

    /** {@code unique()}: each distinct int32, int64 or string scalar once, in order of first occurrence. */
    @SuppressWarnings("unchecked")
    public Dataset<T> unique() { return (Dataset<T>) new UniqueDataset((Dataset<Tensor>) this); }

    /** {@code take_while(predicate)}: the elements up to the first for which the traced predicate is false. */
    public Dataset<T> takeWhile(Function<? super T, Tensor> predicate) {
        return new TakeWhileDataset<>(this, new ElementFunction(this, predicate));
    }

    /** {@code rebatch(batch_size, drop_remainder)}: batched elements regrouped into batches of {@code batchSize}. */
    public Dataset<T> rebatch(int batchSize, boolean dropRemainder) { return unbatch().batch(batchSize, dropRemainder); }

    /** {@code rebatch(batch_size)}. */
    public Dataset<T> rebatch(int batchSize) { return rebatch(batchSize, false); }

    /** {@code ignore_errors()}: elements whose computation raises one of TF's errors are dropped. */
    public Dataset<T> ignoreErrors() { return new IgnoreErrorsDataset<>(this, false); }

    /** {@code ignore_errors(log_warning)}: also logs each dropped error. */
    public Dataset<T> ignoreErrors(boolean logWarning) { return new IgnoreErrorsDataset<>(this, logWarning); }

    /**
     * {@code group_by_window(key_func, reduce_func, window_size)}: elements grouped by an int64 key;
     * each full window (and, at the end, each partial one in key order) becomes the dataset
     * {@code reduceFunc(key, window)}, whose elements are the result's.
     */
    public <R> Dataset<R> groupByWindow(Function<? super T, Long> keyFunc, BiFunction<Long, Dataset<T>, Dataset<R>> reduceFunc,
                                        long windowSize) {
        return new GroupByWindowDataset<>(this, keyFunc, reduceFunc, key -> windowSize);
    }

    /**
     * {@code bucket_by_sequence_length(element_length_func, bucket_boundaries, bucket_batch_sizes)}:
     * elements bucketed by length ({@code boundaries[i-1] <= length < boundaries[i]}), each bucket
     * padded-batched with its batch size.
     */
    public Dataset<T> bucketBySequenceLength(Function<? super T, Tensor> elementLengthFunc, int[] bucketBoundaries,
                                             int[] bucketBatchSizes) {
        return bucketBySequenceLength(elementLengthFunc, bucketBoundaries, bucketBatchSizes, o -> {});
    }

    /** The same with the keyword arguments: {@code f -> f.padToBucketBoundary(true).dropRemainder(true)}. */
    public Dataset<T> bucketBySequenceLength(Function<? super T, Tensor> elementLengthFunc, int[] bucketBoundaries,
                                             int[] bucketBatchSizes, java.util.function.Consumer<BucketOptions> options) {
        BucketOptions o = new BucketOptions();
        options.accept(o);
        return SequenceBuckets.of(this, elementLengthFunc, bucketBoundaries, bucketBatchSizes, o);
    }

    /** {@code apply(transformation)}: {@code transformation(this)}, for chaining reusable transformations. */
    public <R> Dataset<R> apply(Function<? super Dataset<T>, ? extends Dataset<R>> transformation) {
        return transformation.apply(this);
    }

    /**
     * {@code reduce(initial_state, reduce_func)}: the state folded over every element; the function
     * is traced once on (state, element) specs.
     */
    @SuppressWarnings("unchecked")
    public <S> S reduce(Object initialState, BiFunction<S, ? super T, ? extends S> fn) {
        Object state = Structure.toTensors(initialState);
        ElementFunction f = ElementFunction.ofPair(Structure.spec(state), elementSpec(),
                (s, e) -> fn.apply((S) s, (T) e));
        for (T element : this) state = f.apply(Tuple.of(state, element));
        return (S) state;
    }

    /** {@code with_options(options)}: the same dataset with these options for its whole pipeline. */
    public Dataset<T> withOptions(Options options) { return new OptionsDataset<>(this, options); }

    /** {@code options()}: the options set in this dataset's pipeline, merged (downstream wins). */
    public Options options() {
        Options out = new Options();
        for (Dataset<?> in : inputs()) out = out.merge(in.options());
        return out;
    }

    /** The datasets this one reads (none for a source), for options that apply to the whole pipeline. */
    List<Dataset<?>> inputs() { return List.of(); }

    /**
     * The options in effect for a stage being set up: those of the pipeline above it, with those
     * set below it (by the dataset being iterated) on top.
     */
    Options effectiveOptions() {
        Options below = OptionsDataset.inEffect();
        return below == null ? options() : options().merge(below);
    }

    // ---- reading the elements ------------------------------------------------------------------

    /** The elements as a sequential stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * {@code as_numpy_iterator()}: the elements with each tensor replaced by its
     * {@link Tensor#numpy()} value (a Java array, or a boxed scalar), containers kept.
     */
    public Iterable<Object> asNumpyIterator() {
        return () -> new Iterator<>() {
            private final Iterator<T> it = iterator();

            @Override
            public boolean hasNext() { return it.hasNext(); }

            @Override
            public Object next() { return Structure.map(it.next(), leaf -> leaf instanceof Tensor t ? t.numpy() : leaf); }
        };
    }

    /** Every element in a list (finite datasets only). */
    public List<T> toList() {
        if (cardinality() == INFINITE) throw new org.jflow.errors.InvalidArgumentError("The dataset is infinite.");
        List<T> out = new ArrayList<>();
        for (T element : this) out.add(element);
        return out;
    }

    /** Python's {@code repr}: {@code <_TakeDataset element_spec=TensorSpec(...)>}. */
    @Override
    public String toString() {
        return "<_" + getClass().getSimpleName() + " element_spec=" + org.jflow.format.TensorFormat.repr(elementSpec()) + ">";
    }

    private static Tuple<Object> tuple(Object first, Object second, Object... more) {
        List<Object> items = new ArrayList<>(List.of(first, second));
        items.addAll(List.of(more));
        return new Tuple<>(items);
    }

    private static <R> Function<Object, R> unpacked(BiFunction<Tensor, Tensor, ? extends R> fn) {
        return element -> {
            if (!(element instanceof List<?> pair) || pair.size() != 2) {
                throw new org.jflow.errors.TypeError("The function takes 2 positional arguments but the element is "
                        + element);
            }
            return fn.apply(Structure.tensor(pair.get(0)), Structure.tensor(pair.get(1)));
        };
    }
}
