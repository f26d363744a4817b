package org.jflow.engine;

import org.jflow.DType;
import org.jflow.Golden;
import org.jflow.Tensor;
import org.jflow.errors.InvalidArgumentError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.jflow.TF.tf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every op declares its signature (TF's {@code REGISTER_OP}), and the dispatcher holds each call's attributes to
 * it with TF 2.21's eager errors, recorded by {@code golden/op_attr_errors.py}.
 */
class OpSignatureTest {
    private static final Golden TF_ERRORS = Golden.load("op_attr_errors");

    private final Tensor matrix = tf.constant(new float[][] {{1, 2}, {3, 4}});
    private final Tensor image = tf.zeros(tf.constant(new int[] {1, 4, 4, 1}));
    private static final int[] WINDOW = {1, 2, 2, 1};
    private static final int[] ONES = {1, 1, 1, 1};

    @Test
    void everyRegisteredOpDeclaresItsSignature() {
        List<String> undeclared = new ArrayList<>();
        for (Op op : OpRegistry.all()) if (op.signature() == null) undeclared.add(op.name());
        assertEquals(List.of(), undeclared);
    }

    @Test
    void everyDeclaredDefaultAndAllowedValueHasItsAttributesType() {
        for (Op op : OpRegistry.all()) {
            for (AttrDef d : op.signature().attrs()) {
                if (d.hasDefault()) assertTrue(d.type().accepts(d.defaultValue()), op.name() + " " + d);
                for (Object v : d.allowed()) assertTrue(d.type().accepts(v), op.name() + " " + d);
            }
            assertTrue(op.signature().minInputs() <= op.signature().maxInputs(), op.name());
        }
    }

    private static String tfMessage(String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) TF_ERRORS.get(key);
        assertEquals("InvalidArgumentError", c.get("class"));
        return (String) c.get("message");
    }

    private static String jflowMessage(Executable call) {
        return assertThrows(InvalidArgumentError.class, call).getMessage();
    }

    private Executable sum(Attrs attrs) { return () -> Dispatcher.execute1(OpRegistry.get("Sum"), attrs, matrix); }

    private Executable maxPool(Attrs attrs) {
        return () -> Dispatcher.execute1(OpRegistry.get("MaxPool"), attrs, image);
    }

    private Executable lrn(Attrs attrs) { return () -> Dispatcher.execute1(OpRegistry.get("LRN"), attrs, image); }

    @Test
    void anAttributeTheOpDoesNotDeclareIsTfsError() {
        assertEquals(tfMessage("unknown_attribute"), jflowMessage(sum(Attrs.of("keep_dims", false, "foo", 1))));
    }

    @Test
    void aValueOfTheWrongTypeIsTfsErrorNamingThePythonType() {
        assertEquals(tfMessage("bool_given_an_int"), jflowMessage(sum(Attrs.of("keep_dims", 3))));
        assertEquals(tfMessage("string_given_an_int"),
                jflowMessage(maxPool(Attrs.of("ksize", WINDOW, "strides", ONES, "padding", 3))));
        assertEquals(tfMessage("int_given_a_float"), jflowMessage(lrn(Attrs.of("depth_radius", 2.5))));
        assertEquals(tfMessage("float_given_a_string"), jflowMessage(lrn(Attrs.of("depth_radius", 2, "bias", "x"))));
        assertEquals(tfMessage("type_given_a_string"),
                jflowMessage(() -> Dispatcher.execute1(OpRegistry.get("Cast"), Attrs.of("DstT", "x"), matrix)));
        assertEquals(tfMessage("list_given_an_int"),
                jflowMessage(maxPool(Attrs.of("ksize", 3, "strides", ONES, "padding", "SAME"))));
    }

    /** TF's text then names the NodeDef and the OpDef; JFlow ends where every allowed-values error of its ends. */
    @Test
    void aValueOutsideTheAllowedListIsTfsError() {
        String expected = tfMessage("value_not_allowed");
        String jflow = jflowMessage(() -> Dispatcher.execute1(OpRegistry.get("StringLength"), Attrs.of("unit", "BYTES"),
                tf.constant(new String[] {"a"})));
        assertEquals(expected.substring(0, expected.indexOf("\n\t; NodeDef")) + " [Op:StringLength]", jflow);
    }

    /** TF's text, with JFlow's signature in the OpDef summary (JFlow declares its own attributes). */
    @Test
    void aRequiredAttributeLeftOutIsTfsErrorWithTheOpsSummary() {
        String expected = tfMessage("required_missing");
        String jflow = jflowMessage(maxPool(Attrs.of("strides", ONES, "padding", "SAME")));
        String head = "NodeDef missing attr 'ksize' from Op<name=MaxPool; signature=";
        String tail = ">; NodeDef: {{node MaxPool}} [Op:MaxPool]";
        assertTrue(expected.startsWith(head) && expected.endsWith(tail), expected);
        assertEquals(head + "input:T -> output:T; attr=ksize:list(int); attr=strides:list(int); "
                + "attr=padding:string,allowed=[\"SAME\", \"VALID\"]; attr=data_format:string; "
                + "attr=orig_input_shape:list(int)" + tail, jflow);
    }

    @Test
    void leftOutAttributesReadTheirDeclaredDefaultsWhileTheCallsOwnStayAsGiven() {
        Signature lrn = OpRegistry.get("LRN").signature();
        Attrs checked = lrn.check("LRN", Attrs.of("bias", 2.0));
        assertEquals(5, checked.getInt("depth_radius"));
        assertEquals(2.0, checked.getDouble("bias"));
        assertEquals(1.0, checked.getDouble("alpha"));
        assertEquals(0.5, checked.getDouble("beta"));
        // what the call gave is what equality, caching and GraphDef export see
        assertEquals(1, checked.size());
        assertEquals(Attrs.of("bias", 2.0), checked);
        assertTrue(checked.has("beta"));
        assertFalse(checked.hasGiven("beta"));
        // an attribute whose absence means something stays absent
        assertFalse(OpRegistry.get("Sum").signature().check("Sum", Attrs.EMPTY).has("axis"));
    }

    @Test
    void aCallWithoutAttributesToAnOpDeclaringNoneIsPassedThroughUntouched() {
        assertSame(Attrs.EMPTY, OpRegistry.get("AddV2").signature().check("AddV2", Attrs.EMPTY));
        Attrs full = Attrs.of("keep_dims", true, "axis", new int[] {0});
        assertSame(full, OpRegistry.get("Sum").signature().check("Sum", full));
    }

    @Test
    void defaultsFilledByTheDispatcherGiveTheSameResultAsTheExplicitValues() {
        Tensor implicit = Dispatcher.execute1(OpRegistry.get("LRN"), Attrs.EMPTY, image);
        Tensor explicit = Dispatcher.execute1(OpRegistry.get("LRN"),
                Attrs.of("depth_radius", 5, "bias", 1.0, "alpha", 1.0, "beta", 0.5), image);
        assertEquals(explicit.shape(), implicit.shape());
        assertEquals(DType.FLOAT32, implicit.dtype());
    }

    @Test
    void theSummaryIsTfsOneLineOpDef() {
        assertEquals("Op<name=ArgMax; signature=input -> output; attr=axis:int; attr=output_type:type,default=int64>",
                OpRegistry.get("ArgMax").signature().summary("ArgMax"));
        assertTrue(OpRegistry.get("ConcatV2").signature().inputs().get(0).list());
        assertEquals(Integer.MAX_VALUE, OpRegistry.get("AddN").signature().maxInputs());
        assertEquals(2, OpRegistry.get("ConfusionMatrix").signature().minInputs());
        assertEquals(3, OpRegistry.get("ConfusionMatrix").signature().maxInputs());
    }

    private Tensor[] ints() { return new Tensor[] {tf.constant(new int[][] {{1, 2}, {3, 4}})}; }

    private static Executable call(String op, Attrs attrs, Tensor... inputs) {
        return () -> Dispatcher.execute(OpRegistry.get(op), attrs, inputs);
    }

    @Test
    void aCallWithTooFewInputsIsTfsNodeDefErrorQuotingTfsOpDef() {
        assertEquals(tfMessage("too_few_inputs"), jflowMessage(call("AddV2", Attrs.EMPTY, matrix)));
    }

    @Test
    void aListShorterThanItsNumberAttributesMinimumIsTfsError() {
        assertEquals(tfMessage("list_below_minimum"), jflowMessage(call("ConcatV2", Attrs.of("axis", 0), matrix)));
    }

    @Test
    void aDtypeOutsideTheAllowedListIsTfsErrorQuotingTfsOpDef() {
        assertEquals(tfMessage("dtype_not_allowed"),
                jflowMessage(call("Relu", Attrs.EMPTY, tf.constant(new String[] {"a"}))));
        assertEquals(tfMessage("reduction_dtype_not_allowed"),
                jflowMessage(call("Sum", Attrs.of("axis", new int[] {0}), tf.constant(new boolean[] {true}))));
        assertEquals(tfMessage("index_dtype_not_allowed"),
                jflowMessage(call("GatherV2", Attrs.EMPTY, matrix, tf.constant(new float[] {0}))));
    }

    @Test
    void inputsOfOneTypeAttributeThatDisagreeAreTfsErrorNamingTfsInputIndex() {
        assertEquals(tfMessage("dtypes_disagree"), jflowMessage(call("AddV2", Attrs.EMPTY, matrix, ints()[0])));
        assertEquals(tfMessage("list_dtypes_disagree"), jflowMessage(call("Pack", Attrs.EMPTY, matrix, ints()[0])));
        assertEquals(tfMessage("fixed_dtype_disagrees"),
                jflowMessage(call("SelectV2", Attrs.EMPTY, tf.constant(new int[] {1}), matrix, matrix)));
    }

    @Test
    void tfsInputsJFlowKeepsAsAttributesAreMatchedToThem() {
        TfDef sum = OpRegistry.get("Sum").signature().tf();
        assertEquals("axis", sum.inputs().get(1).attr());
        assertEquals(0, sum.inputs().get(0).jflowArg());
        TfDef stateless = OpRegistry.get("StatelessRandomUniformV2").signature().tf();
        assertEquals("shape", stateless.inputs().get(0).attr()); // an attribute, or JFlow's input of that name
        assertEquals(2, stateless.inputs().get(0).jflowArg());
        assertEquals("alg", stateless.inputs().get(3).attr());
        assertEquals("variable", OpRegistry.get("ResourceScatterNdAdd").signature().tf().inputs().get(0).attr());
    }

    /** TF's inputs that JFlow's op has neither as an input nor as an attribute, by op, and why. */
    private static final Map<String, List<String>> TF_INPUTS_JFLOW_LACKS = Map.of(
            "Bincount", List.of("size"), // JFlow's minlength and maxlength give the size
            "MatrixDiagPartV3", List.of("k", "padding_value"), // the main diagonal, padded with zeros
            "MatrixDiagV3", List.of("k", "padding_value"),
            "PrintV2", List.of("input"), // JFlow formats its tensors in the kernel; TF's input is the formatted string
            "Range", List.of("start", "limit", "delta"), // Java numbers of any type, held as attributes
            "StringSplitV2", List.of("sep")); // a string attribute

    @Test
    void everyInputOfTfsOpsIsJFlowsInputOrAttributeOrListedAsMissing() {
        Map<String, List<String>> lacking = new java.util.TreeMap<>();
        List<String> unmatched = new ArrayList<>();
        for (Op op : OpRegistry.all()) {
            TfDef tf = op.signature().tf();
            if (tf == null) continue;
            for (TfDef.Arg a : tf.inputs()) {
                if (!a.isInput() && a.attr() == null) lacking.computeIfAbsent(op.name(), k -> new ArrayList<>()).add(a.name());
            }
            for (int j = 0; j < op.signature().inputs().size(); j++) {
                int arg = j;
                if (tf.inputs().stream().noneMatch(a -> a.jflowArg() == arg) && !op.name().equals("PrintV2")) {
                    unmatched.add(op.name() + "." + op.signature().inputs().get(j).name());
                }
            }
        }
        assertEquals(new java.util.TreeMap<>(TF_INPUTS_JFLOW_LACKS), lacking);
        assertEquals(List.of(), unmatched);
    }

    @Test
    void everyOpTfHasCpuKernelsForIsInTfsDefinitions() {
        // an op added under one of TF's names needs op-defs.py rerun; cpu-kernels.txt lists TF's ops with CPU kernels
        List<String> missing = new ArrayList<>();
        for (Op op : OpRegistry.all()) {
            boolean tfHasKernels = !org.jflow.device.Devices.kernels().registeredFor(op).equals("  device='CPU'\n");
            if (tfHasKernels && op.signature().tf() == null) missing.add(op.name());
        }
        assertEquals(List.of(), missing);
    }
}
