package org.dunlin.dns.wire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.WireFormatException;

/**
 * {@code ./dunlin decode [--hex] [FILE...]}: decodes one DNS message per file (standard input when no
 * file is given) and prints it as dig does. A malformed message prints one line,
 * {@code FILE: malformed: <reason> at offset N}; the other files are still processed and the exit
 * status is 1 if any failed.
 */
public final class DecodeCommand {
    /** Input larger than this is not a DNS message (65535 octets, or twice that in hex plus slack). */
    static final int MAX_INPUT = 1 << 20;

    private DecodeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        boolean hex = false;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--hex")) {
                hex = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println("usage: ./dunlin decode [--hex] [FILE...]");
                out.println("decode DNS messages (raw, or hex with --hex; standard input without FILE) and print them like dig");
                return 0;
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println("decode: unknown option " + a + " (usage: ./dunlin decode [--hex] [FILE...])");
                return 2;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            files.add("-");
        }
        int status = 0;
        boolean first = true;
        for (String f : files) {
            String label = f.equals("-") ? "(stdin)" : f;
            byte[] data;
            try {
                data = f.equals("-") ? readLimited(stdin) : readFile(f);
            } catch (IOException e) {
                out.println(label + ": cannot read: " + e.getMessage());
                status = 1;
                continue;
            }
            if (hex) {
                data = decodeHex(data);
                if (data == null) {
                    out.println(label + ": malformed: not hexadecimal text at offset 0");
                    status = 1;
                    continue;
                }
            }
            try {
                Message m = Message.fromWire(data);
                if (!first) {
                    out.println();
                }
                first = false;
                out.println(";; " + label + ": " + data.length + " bytes");
                out.print(m);
            } catch (WireFormatException e) {
                String where = e.field().map(fl -> fl + ": ").orElse("");
                out.println(label + ": malformed: " + where + e.reason() + " at offset " + Math.max(0, e.offset()));
                status = 1;
            }
        }
        out.flush();
        return status;
    }

    private static byte[] readFile(String f) throws IOException {
        long size = Files.size(Paths.get(f));
        if (size > MAX_INPUT) {
            throw new IOException("larger than " + MAX_INPUT + " bytes");
        }
        return Files.readAllBytes(Paths.get(f));
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_INPUT + 1);
        if (b.length > MAX_INPUT) {
            throw new IOException("larger than " + MAX_INPUT + " bytes");
        }
        return b;
    }

    /** Hex digits with blanks, newlines and comments ({@code ;} or {@code #} to the end of a line) ignored. */
    static byte[] decodeHex(byte[] text) {
        String s = new String(text, StandardCharsets.ISO_8859_1);
        StringBuilder digits = new StringBuilder(s.length());
        boolean comment = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (comment) {
                comment = c != '\n';
                continue;
            }
            if (c == ';' || c == '#') {
                comment = true;
            } else if (Character.digit(c, 16) >= 0) {
                digits.append(c);
            } else if (!Character.isWhitespace(c)) {
                return null;
            }
        }
        if (digits.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(digits.charAt(2 * i), 16) << 4 | Character.digit(digits.charAt(2 * i + 1), 16));
        }
        return out;
    }
}
