package org.jflow.data;

import org.jflow.errors.InvalidArgumentError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 record reader over bytes, as TF's {@code CsvDataset} kernel reads: fields
 * split at {@code delim}, records at {@code \n}, {@code \r\n} or {@code \r}; with quotes on, a field
 * that starts with {@code "} runs to the next lone {@code "} and may hold delimiters and line ends,
 * {@code ""} standing for one quote. Errors carry TF's texts (an unquoted field with a quote, a
 * quoted field still open at the end of the file) followed by the file and the line the record
 * starts on. After an error the reader has skipped the rest of the bad record, so a caller that
 * ignores errors ({@code ignore_errors}) reads on from the next one.
 */
public final class CsvParser implements AutoCloseable {
    private final InputStream in;
    private final String file;
    private final int delim;
    private final boolean quotes;
    private long line = 1;
    private long recordLine;
    private int pending = -2;

    /** A reader of {@code in} (buffer it), {@code file} naming it in errors. */
    public CsvParser(InputStream in, String file, char delim, boolean useQuoteDelim) {
        this.in = in;
        this.file = file;
        this.delim = delim;
        this.quotes = useQuoteDelim;
    }

    /** The line (1-based) the last record returned, or failed, starts on. */
    public long recordLine() { return recordLine; }

    /** The next record's fields as raw bytes, or null at the end of the input. */
    public List<byte[]> next() {
        int c = read();
        if (c < 0) return null;
        recordLine = line;
        List<byte[]> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream(32);
        while (true) {
            if (quotes && c == '"' && field.size() == 0) {
                c = quotedField(field);
            } else {
                while (c >= 0 && c != delim && c != '\n' && c != '\r') {
                    if (quotes && c == '"') {
                        skipRecord();
                        throw error("Unquoted fields cannot have quotes inside");
                    }
                    field.write(c);
                    c = read();
                }
            }
            fields.add(field.toByteArray());
            field.reset();
            if (c == delim) {
                c = read();
                continue;
            }
            endLine(c);
            return fields;
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing one. */
    private int quotedField(ByteArrayOutputStream field) {
        while (true) {
            int c = read();
            if (c < 0) throw error("Reached end of file without closing quoted field in record");
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after >= 0 && after != delim && after != '\n' && after != '\r') {
                        // TF's text for a lone quote in a quoted field (TF itself reads on and reports the unclosed quote at the end)
                        skipRecord();
                        throw error("Quote inside a string has to be escaped by another quote");
                    }
                    return after;
                }
            } else if (c == '\n' || (c == '\r' && peekNot('\n'))) {
                line++;
            }
            field.write(c);
        }
    }

    private boolean peekNot(int want) {
        int c = read();
        pending = c;
        return c != want;
    }

    /** Counts the line end {@code c} ends the record with ({@code \r\n} as one). */
    private void endLine(int c) {
        if (c == '\r') {
            int n = read();
            if (n != '\n') pending = n;
        }
        if (c >= 0) line++;
    }

    private void skipRecord() {
        int c;
        while ((c = read()) >= 0 && c != '\n' && c != '\r') { /* the rest of the bad record */ }
        endLine(c);
    }

    private int read() {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** TF's message, then where: {@code ... (file train.csv, line 12)}. */
    InvalidArgumentError error(String tfMessage) {
        return new InvalidArgumentError(tfMessage + " (file " + file + ", line " + recordLine + ")");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
