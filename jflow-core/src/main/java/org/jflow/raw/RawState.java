package org.jflow.raw;

import org.jflow.Tensor;
import org.jflow.Variable;
import org.jflow.engine.Attrs;
import org.jflow.engine.Op;

/**
 * TF's {@code gen_resource_variable_ops}: reads, assignments and scatter updates of a resource
 * variable, one typed method per op. The updates have no outputs; each is atomic per variable.
 */
public final class RawState {
    private static final Op ASSIGN_ADD_VARIABLE_OP = Raw.op("AssignAddVariableOp");
    private static final Op ASSIGN_SUB_VARIABLE_OP = Raw.op("AssignSubVariableOp");
    private static final Op ASSIGN_VARIABLE_OP = Raw.op("AssignVariableOp");
    private static final Op READ_VARIABLE_OP = Raw.op("ReadVariableOp");
    private static final Op RESOURCE_SCATTER_ADD = Raw.op("ResourceScatterAdd");
    private static final Op RESOURCE_SCATTER_ND_ADD = Raw.op("ResourceScatterNdAdd");
    private static final Op RESOURCE_SCATTER_ND_SUB = Raw.op("ResourceScatterNdSub");
    private static final Op RESOURCE_SCATTER_ND_UPDATE = Raw.op("ResourceScatterNdUpdate");
    private static final Op RESOURCE_SCATTER_SUB = Raw.op("ResourceScatterSub");
    private static final Op RESOURCE_SCATTER_UPDATE = Raw.op("ResourceScatterUpdate");

    private RawState() {}

    private static Attrs of(Variable resource) { return Attrs.of("variable", resource); }

    public static Tensor readVariableOp(Variable resource) { return Raw.one(READ_VARIABLE_OP, of(resource)); }

    public static void assignVariableOp(Variable resource, Tensor value) {
        Raw.all(ASSIGN_VARIABLE_OP, of(resource), value);
    }

    public static void assignAddVariableOp(Variable resource, Tensor value) {
        Raw.all(ASSIGN_ADD_VARIABLE_OP, of(resource), value);
    }

    public static void assignSubVariableOp(Variable resource, Tensor value) {
        Raw.all(ASSIGN_SUB_VARIABLE_OP, of(resource), value);
    }

    public static void resourceScatterUpdate(Variable resource, Tensor indices, Tensor updates) {
        Raw.all(RESOURCE_SCATTER_UPDATE, of(resource), indices, updates);
    }

    public static void resourceScatterAdd(Variable resource, Tensor indices, Tensor updates) {
        Raw.all(RESOURCE_SCATTER_ADD, of(resource), indices, updates);
    }

    public static void resourceScatterSub(Variable resource, Tensor indices, Tensor updates) {
        Raw.all(RESOURCE_SCATTER_SUB, of(resource), indices, updates);
    }

    public static void resourceScatterNdUpdate(Variable resource, Tensor indices, Tensor updates) {
        Raw.all(RESOURCE_SCATTER_ND_UPDATE, of(resource), indices, updates);
    }

    public static void resourceScatterNdAdd(Variable resource, Tensor indices, Tensor updates) {
        Raw.all(RESOURCE_SCATTER_ND_ADD, of(resource), indices, updates);
    }

    public static void resourceScatterNdSub(Variable resource, Tensor indices, Tensor updates) {
        Raw.all(RESOURCE_SCATTER_ND_SUB, of(resource), indices, updates);
    }
}
