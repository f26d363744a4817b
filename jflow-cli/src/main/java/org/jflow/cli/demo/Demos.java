package org.jflow.cli.demo;

import java.util.List;
import java.util.Optional;

/** Every demo, in listing order; the first is what {@code jflow demo} runs. Add new demos here. */
public final class Demos {
    private static final List<Demo> ALL = List.of(new TourDemo(), new AbsEquationDemo(), new QuadraticDemo(),
            new LinearRegressionDemo(), new DnnClassifierDemo(),
            new LinearClassifierDemo(), new StaticGraphDemo(), new AutographDemo(), new DataPipelinesDemo());

    private Demos() {}

    public static List<Demo> all() { return ALL; }

    public static Demo first() { return ALL.getFirst(); }

    public static Optional<Demo> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
