package org.jflow.opinfo;

import org.jflow.engine.Dispatcher;
import org.jflow.engine.Op;
import org.jflow.engine.OpRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The sample table covers the registry: every registered op has a row with samples, or a reason why not. */
class OpInfosCoverageTest {
    private static final Set<String> REGISTERED = OpRegistry.all().stream().map(Op::name).collect(Collectors.toSet());

    @Test
    void everyRegisteredOpHasSamplesOrIsListedWithAReason() {
        Set<String> missing = new TreeSet<>();
        for (String op : REGISTERED) {
            OpInfo info = OpInfos.get(op);
            boolean sampled = info != null && (info.samples() != null || !info.gradientSamples().isEmpty());
            if (!sampled && !OpInfos.WITHOUT_SAMPLES.containsKey(op)) missing.add(op);
        }
        assertEquals(Set.of(), missing, "registered ops with neither samples nor a reason in OpInfos.WITHOUT_SAMPLES");
    }

    @Test
    void everyRowAndReasonNamesARegisteredOp() {
        Set<String> unknown = new TreeSet<>();
        OpInfos.all().stream().map(OpInfo::name).filter(op -> !REGISTERED.contains(op)).forEach(unknown::add);
        OpInfos.WITHOUT_SAMPLES.keySet().stream().filter(op -> !REGISTERED.contains(op)).forEach(unknown::add);
        assertEquals(Set.of(), unknown);
    }

    @Test
    void noOpHasBothSamplesAndAReasonForHavingNone() {
        List<String> both = OpInfos.all().stream().map(OpInfo::name)
                .filter(OpInfos.WITHOUT_SAMPLES::containsKey).toList();
        assertEquals(List.of(), both);
    }

    /** An op whose gradient of gradient is compared with TF's on every case is differentiated twice by the finite-difference check too. */
    @Test
    void secondOrderOpsHaveSecondOrderGradientSamples() {
        List<String> without = OpInfos.all().stream().filter(OpInfo::secondOrder)
                .filter(info -> info.gradientSamples().stream().noneMatch(GradientSample::secondOrder)).map(OpInfo::name).toList();
        assertEquals(List.of(), without);
    }

    /** Each sample runs, or is refused with one of TF's errors (org.jflow.errors): never a bare Java exception. */
    @Test
    void everySampleRunsOrFailsWithATfError() {
        List<String> javaErrors = new ArrayList<>();
        for (OpInfo info : OpInfos.all()) {
            if (info.samples() == null) continue;
            List<Cases.Case> cases = info.samples().cases(new SplittableRandom(1));
            assertFalse(cases.isEmpty(), info.name());
            Op op = OpRegistry.get(info.name());
            for (Cases.Case c : cases) {
                try {
                    Dispatcher.execute(op, c.attrs(), c.inputs());
                } catch (RuntimeException e) {
                    if (!e.getClass().getPackageName().equals("org.jflow.errors")) {
                        javaErrors.add(info.name() + " | " + c.label() + " | " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), javaErrors);
    }
}
