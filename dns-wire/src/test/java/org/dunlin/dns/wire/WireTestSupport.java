package org.dunlin.dns.wire;

import java.io.ByteArrayOutputStream;

/** Builds test packets from hex with spaces and comments, as Unbound's test_packets files write them. */
final class WireTestSupport {
    private WireTestSupport() {
    }

    static byte[] hex(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int c = line.indexOf(';');
            String s = c >= 0 ? line.substring(0, c) : line;
            for (char ch : s.toCharArray()) {
                if (Character.digit(ch, 16) >= 0) {
                    digits.append(ch);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < digits.length(); i += 2) {
            out.write(Integer.parseInt(digits.substring(i, i + 2), 16));
        }
        return out.toByteArray();
    }

    /** A header with ID 0x4242 and the given counts. */
    static String header(int qd, int an, int ns, int ar) {
        return String.format("4242 0100 %04x %04x %04x %04x ", qd, an, ns, ar);
    }

    /** example.com. A IN question (17 octets, the name at offset 12). */
    static final String QUESTION = "07 6578616d706c65 03 636f6d 00 0001 0001 ";
}
