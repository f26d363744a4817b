package org.jflow.opinfo;

import org.jflow.DType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One op's row of the sample table (PyTorch's {@code OpInfo}): the calls it is tried on in every
 * dtype (edge values, empty and scalar inputs, calls meant to fail), the float tolerance its
 * results get against another implementation (TF, another device), and the calls its gradient is
 * checked on. Rows are made only by {@link OpInfos}.
 */
public final class OpInfo {
    /**
     * Complex results: JFlow computes each part in float64 and rounds once, TF's std::complex
     * formulas round every step (in float for complex64), so parts may differ by a few ulps.
     */
    private static final int COMPLEX_ULPS = 4;

    private final String name;
    private Cases.Generator samples;
    private int ulps;
    private int complexUlps = COMPLEX_ULPS;
    private boolean inputScaled;
    private final List<GradientSample> gradientSamples = new ArrayList<>();
    private DType gradientDType = DType.FLOAT64;
    private boolean secondOrder;

    OpInfo(String name) { this.name = name; }

    public String name() { return name; }

    /** The op's calls in every dtype; null for an op whose only samples are gradient samples. */
    public Cases.Generator samples() { return samples; }

    /**
     * How far a real float result, or each part of a complex one, may be from a reference, in units
     * in the last place of the output dtype; {@link #inputScaled}: ulps of the largest input
     * magnitude rather than of the result (see {@link ResultCheck}).
     */
    public int ulps() { return ulps; }

    public int complexUlps() { return complexUlps; }

    public boolean inputScaled() { return inputScaled; }

    /** The calls its gradient is checked on against finite differences (and TF's gradient where TF has the op). */
    public List<GradientSample> gradientSamples() { return Collections.unmodifiableList(gradientSamples); }

    /** The dtype gradient samples run in: float64, or float32 for ops TF has no float64 kernel for. */
    public DType gradientDType() { return gradientDType; }

    /**
     * Whether the gradient of its gradient is compared with TF's on every gradient case (the smooth
     * forward samples too, not only the gradient samples marked second order, which the core's
     * finite-difference check differentiates twice): the ops the tutorials differentiate twice.
     */
    public boolean secondOrder() { return secondOrder; }

    // ---- the table's builders (OpInfos only) ----

    OpInfo samples(Cases.Generator g) {
        if (samples != null) throw new IllegalStateException("Two sample generators for " + name);
        samples = g;
        return this;
    }

    /** Tolerance for real results, and for complex ones where larger than theirs. */
    OpInfo ulps(int n) {
        ulps = n;
        complexUlps = Math.max(n, complexUlps);
        return this;
    }

    /** Tolerance in ulps of the largest input magnitude, for results that sum their inputs. */
    OpInfo inputScaledUlps(int n) {
        inputScaled = true;
        return ulps(n);
    }

    void addGradientSample(GradientSample s) { gradientSamples.add(s); }

    void gradientDType(DType t) { gradientDType = t; }

    void secondOrder(boolean b) { secondOrder = b; }

    @Override
    public String toString() { return "OpInfo[" + name + "]"; }
}
