package org.jflow.io.train;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import org.jflow.errors.DataLossError;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Serialization shared by the messages of this package. */
final class Protos {
    private Protos() {}

    /**
     * The message's bytes with map entries sorted by key: Python's {@code SerializeToString(deterministic=True)}.
     * TF's default order is its hash table's, which changes from one process to the next, so sorted keys are
     * the only order both sides can agree on.
     */
    static byte[] deterministic(Message message) {
        byte[] out = new byte[message.getSerializedSize()];
        CodedOutputStream stream = CodedOutputStream.newInstance(out);
        stream.useDeterministicSerialization();
        try {
            message.writeTo(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stream.checkNoSpaceLeft();
        return out;
    }

    /** Python's {@code Message.FromString}'s failure: protobuf's DecodeError, here TF's DataLossError. */
    static DataLossError decodeError(String type, InvalidProtocolBufferException e) {
        return new DataLossError("Error parsing message with type 'tensorflow." + type + "': " + e.getMessage());
    }
}
