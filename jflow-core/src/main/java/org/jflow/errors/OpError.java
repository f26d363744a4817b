package org.jflow.errors;

/**
 * TF's {@code tf.errors.OpError}: an op refused its inputs or failed while running. Raised by an op's shape
 * rule or kernel, it names the op as TF's eager runtime does, {@code message [Op:Name]}: the dispatcher names
 * it ({@link #withOp}) unless the op named another one first (a composite raising TF's error of an inner op).
 */
public class OpError extends RuntimeException {
    private String op;

    public OpError(String message) { super(message); }

    public OpError(String message, Throwable cause) { super(message, cause); }

    /** TF's {@code e.op}'s name: the op whose error this is, or null where no op raised it. */
    public String op() { return op; }

    /**
     * Names the op that raised this error, once: later calls (the dispatcher of an enclosing op) keep the
     * first name; an empty name leaves the message as it is (a text that already ends as TF's does). Returns
     * this error.
     */
    @SuppressWarnings("unchecked")
    public <E extends OpError> E withOp(String opName) {
        if (op == null) op = opName;
        return (E) this;
    }

    /** TF's {@code e.message}: the op's text, then {@code [Op:Name]} where an op raised it. */
    @Override
    public String getMessage() {
        String m = super.getMessage();
        return op == null || op.isEmpty() ? m : m + " [Op:" + op + "]";
    }
}
