package org.jflow.device;

import org.jflow.DType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TF 2.21's CPU kernel registrations per op ({@code cpu-kernels.txt}, written from TF's registry by
 * {@code cpu-kernels.py}): the dtypes an op's CPU kernels take, and the lines TF prints for them in
 * its {@code Could not find device for node} error. JFlow's CPU kernel of an op is its
 * {@code compute} for every dtype; a dtype TF's op definition allows but no TF CPU kernel takes is
 * refused from this table with TF's NotFoundError, so no op types those lists or that text.
 */
final class CpuKernels {
    private CpuKernels() {}

    /** One registration line: its text, and per type attribute the dtypes it takes ({@code "DT_FLOAT"}...). */
    private record Registration(String line, Map<String, List<String>> constraints) {
        /** Whether the kernel takes every given type attribute (attributes the line does not constrain match). */
        boolean takes(Map<String, DType> typeAttrs) {
            for (var e : typeAttrs.entrySet()) {
                List<String> allowed = constraints.get(e.getKey());
                if (allowed != null && !allowed.contains(enumName(e.getValue()))) return false;
            }
            return true;
        }
    }

    private static final Map<String, List<Registration>> REGISTERED = load();

    private static Map<String, List<Registration>> load() {
        Map<String, List<Registration>> byOp = new HashMap<>();
        try (InputStream in = CpuKernels.class.getResourceAsStream("cpu-kernels.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Registration> current = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("op ")) byOp.put(line.substring(3), current = new ArrayList<>());
                else if (line.startsWith("  device=")) current.add(parse(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byOp;
    }

    /** {@code "  device='CPU'; T in [DT_FLOAT]; Tidx in [DT_INT32]"}: its constraints by attribute name. */
    private static Registration parse(String line) {
        Map<String, List<String>> constraints = new HashMap<>();
        for (String part : line.split("; ")) {
            int in = part.indexOf(" in [");
            if (in < 0) continue;
            String list = part.substring(in + 5, part.length() - 1);
            constraints.put(part.substring(0, in), list.isEmpty() ? List.of() : List.of(list.split(", ")));
        }
        return new Registration(line, constraints);
    }

    /** Whether TF has a CPU kernel for {@code op} with these type attributes (ops the table lacks: yes). */
    static boolean takes(String op, Map<String, DType> typeAttrs) {
        List<Registration> list = REGISTERED.get(op);
        if (list == null) return true;
        for (Registration k : list) if (isCpu(k) && k.takes(typeAttrs)) return true;
        return false;
    }

    private static boolean isCpu(Registration k) {
        return k.line.startsWith("  device='CPU'") || k.line.startsWith("  device='DEFAULT'");
    }

    /** TF's lines for the op's CPU kernels, each ending in a newline; null for an op the table lacks. */
    static String lines(String op) {
        List<Registration> list = REGISTERED.get(op);
        if (list == null) return null;
        StringBuilder sb = new StringBuilder();
        for (Registration k : list) sb.append(k.line).append('\n');
        return sb.toString();
    }

    static String enumName(DType t) { return "DT_" + t.kernelName().toUpperCase(Locale.ROOT); }
}
