package org.jflow.conformance;

import org.tensorflow.TensorFlow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The markdown report of the gradient comparison, and its one-line summary. */
final class GradientReport {
    private GradientReport() {}

    static String summary(GradientConformance.Results r) {
        return "Gradient conformance with TensorFlow " + TensorFlow.version() + ": " + r.checked().size() + " ops with gradients checked against TF's, "
                + r.cases() + " cases (" + r.count(GradientConformance.Verdict.PASS) + " pass, " + r.bothNone() + " of them None on both sides), "
                + r.count(GradientConformance.Verdict.MISMATCH) + " mismatches, " + r.count(GradientConformance.Verdict.KNOWN) + " known differences, "
                + r.noTfGradient().size() + " ops without TF gradient, " + r.count(GradientConformance.Verdict.NO_TF_GRADIENT) + " cases without TF gradient (second order included), " + r.noCases().size() + " ops without a smooth float case";
    }

    static void write(GradientConformance.Results r, Path file) throws IOException {
        StringBuilder md = new StringBuilder("# JFlow gradient conformance with TensorFlow\n\n").append(summary(r)).append(".\n\n");
        md.append("Each differentiable op that the forward comparison maps to TF runs a few of its float32 and float64 cases (finite inputs, ")
                .append("finite results) under a GradientTape, seeded with random upstream gradients; TF builds the same op in a graph and ")
                .append("adds its registered (C++) gradient with `Graph.addGradients` on the same seeds. Gradients must match in dtype and shape, ")
                .append("each element within the op's ulps (GradientCases) of the largest magnitude in TF's gradient. Cases labelled ")
                .append("`second order` compare the gradient of the gradient (nested tapes against TF's gradient of its gradient graph).\n\n");
        md.append("## Ops compared\n\n| op | cases | pass | known | mismatch | no TF gradient |\n|---|---|---|---|---|---|\n");
        r.byOp().forEach((op, outcomes) -> {
            md.append("| ").append(op).append(" | ").append(outcomes.size());
            for (GradientConformance.Verdict v : GradientConformance.Verdict.values()) {
                md.append(" | ").append(outcomes.stream().filter(o -> o.verdict() == v).count());
            }
            md.append(" |\n");
        });
        md.append("\n## Passing cases where both sides give None (nothing compared by value)\n\n");
        r.byOp().forEach((op, outcomes) -> outcomes.stream().filter(o -> GradientConformance.BOTH_NONE.equals(o.detail()))
                .forEach(o -> md.append("- ").append(op).append(" | ").append(o.label()).append('\n')));
        md.append("\n## Mismatches\n\n");
        List<String> mismatches = r.mismatches();
        if (mismatches.isEmpty()) md.append("None.\n");
        mismatches.forEach(m -> md.append("- ").append(m).append('\n'));
        md.append("\n## Known differences (src/test/resources/gradient-known-differences.txt)\n\n");
        r.byOp().forEach((op, outcomes) -> outcomes.stream().filter(o -> o.verdict() == GradientConformance.Verdict.KNOWN)
                .forEach(o -> md.append("- ").append(op).append(" | ").append(o.label()).append(" | ").append(o.detail())
                        .append("\n  accepted: ").append(o.known().reason()).append('\n')));
        for (KnownDifferences.Entry e : r.known().stale()) md.append("- STALE (matches no case): ").append(e).append('\n');
        md.append("\n## No TF gradient\n\nTF's C++ gradient registry (which `Graph.addGradients` uses; Python's is larger) has none for these ")
                .append("ops or for an op their gradient graph needs; their JFlow gradients are checked by finite differences in ")
                .append("jflow-core's GradientCheckTest only.\n\n");
        r.byOp().forEach((op, outcomes) -> outcomes.stream().filter(o -> o.verdict() == GradientConformance.Verdict.NO_TF_GRADIENT)
                .forEach(o -> md.append("- ").append(op).append(" | ").append(o.label()).append(" | ").append(o.detail()).append('\n')));
        md.append("\n## Differentiable ops without a smooth float case among their forward cases\n\n")
                .append(String.join(", ", r.noCases())).append("\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md);
    }
}
