package org.dunlin.dns.wire.tsig;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * TSIG keys in BIND's configuration syntax, as {@code tsig-keygen} writes them and {@code named.conf}
 * includes them:
 * <pre>
 *   key "transfer-key" {
 *       algorithm hmac-sha256;      // or hmac-sha256-128 for a MAC truncated to 128 bits
 *       secret "base64...";
 *   };
 * </pre>
 * Comments in the three BIND styles ({@code //}, {@code #}, C-style) are allowed anywhere; names may be
 * quoted or bare. Errors carry {@code source:line:column}. Stateless.
 */
public final class TsigKeyFile {

    private TsigKeyFile() {
    }

    /**
     * Parses every {@code key} statement in {@code text}.
     *
     * @param source the file name for error messages
     * @throws IllegalArgumentException with {@code source:line:col: message} on any syntax error,
     *         unknown algorithm, bad base64, missing clause, or a statement other than {@code key}
     */
    public static List<TsigKey> parse(String text, String source) {
        Tokenizer t = new Tokenizer(text, source);
        List<TsigKey> keys = new ArrayList<>();
        while (true) {
            Token keyword = t.next();
            if (keyword == null) {
                return keys;
            }
            if (!keyword.text.equals("key") || keyword.quoted) {
                throw t.error(keyword, "expected 'key', found '" + keyword.text + "'");
            }
            Token name = t.expectWord("key name");
            t.expect("{");
            String algorithm = null;
            Token algorithmToken = null;
            byte[] secret = null;
            while (true) {
                Token clause = t.expectWord("'algorithm', 'secret' or '}'");
                if (clause.text.equals("}") && !clause.quoted) {
                    break;
                }
                Token value = t.expectWord(clause.text + " value");
                t.expect(";");
                switch (clause.text.toLowerCase(Locale.ROOT)) {
                    case "algorithm":
                        algorithm = value.text;
                        algorithmToken = value;
                        break;
                    case "secret":
                        try {
                            secret = Base64.getDecoder().decode(value.text.replaceAll("\\s", ""));
                        } catch (IllegalArgumentException e) {
                            throw t.error(value, "secret is not valid base64");
                        }
                        break;
                    default:
                        throw t.error(clause, "unknown clause '" + clause.text + "' in key " + name.text);
                }
            }
            t.expect(";");
            if (algorithm == null || secret == null) {
                throw t.error(name, "key " + name.text + " needs both 'algorithm' and 'secret'");
            }
            keys.add(makeKey(t, name, algorithm, algorithmToken, secret));
        }
    }

    private static TsigKey makeKey(Tokenizer t, Token name, String algorithm, Token where, byte[] secret) {
        String base = algorithm;
        int bits = 0;
        int dash = algorithm.lastIndexOf('-');
        if (dash > 0 && algorithm.substring(dash + 1).chars().allMatch(Character::isDigit)
                && !algorithm.toLowerCase(Locale.ROOT).endsWith("md5")) {
            String tail = algorithm.substring(dash + 1);
            if (TsigAlgorithm.forName(algorithm).isEmpty()) {
                base = algorithm.substring(0, dash);
                bits = Integer.parseInt(tail);
            }
        }
        TsigAlgorithm alg = TsigAlgorithm.forName(base)
                .orElseThrow(() -> t.error(where, "unknown TSIG algorithm '" + algorithm + "'"));
        try {
            if (bits == 0) {
                return TsigKey.of(name.text, alg, secret);
            }
            if (bits % 8 != 0) {
                throw t.error(where, "truncation must be a multiple of 8 bits: " + algorithm);
            }
            return TsigKey.truncated(name.text, alg, secret, bits / 8);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(t.source + ":")) {
                throw e;
            }
            throw t.error(name, e.getMessage());
        }
    }

    /** The keys in BIND syntax, one statement each, names without the trailing dot. */
    public static String format(List<TsigKey> keys) {
        StringBuilder out = new StringBuilder();
        for (TsigKey key : keys) {
            String full = key.name().toString();
            String name = full.equals(".") ? "." : full.substring(0, full.length() - 1);
            String alg = key.algorithm().bindName();
            if (key.macLength() != key.algorithm().outputLength()) {
                alg += "-" + key.macLength() * 8;
            }
            out.append("key \"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\" {\n")
                    .append("\talgorithm ").append(alg).append(";\n")
                    .append("\tsecret \"").append(Base64.getEncoder().encodeToString(key.secret())).append("\";\n")
                    .append("};\n");
        }
        return out.toString();
    }

    private static final class Token {
        final String text;
        final boolean quoted;
        final int line;
        final int column;

        Token(String text, boolean quoted, int line, int column) {
            this.text = text;
            this.quoted = quoted;
            this.line = line;
            this.column = column;
        }
    }

    private static final class Tokenizer {
        private final String text;
        private final String source;
        private int pos;
        private int line = 1;
        private int lineStart;

        Tokenizer(String text, String source) {
            this.text = text;
            this.source = source;
        }

        IllegalArgumentException error(Token at, String message) {
            return new IllegalArgumentException(source + ":" + at.line + ":" + at.column + ": " + message);
        }

        IllegalArgumentException errorHere(String message) {
            return new IllegalArgumentException(source + ":" + line + ":" + (pos - lineStart + 1) + ": " + message);
        }

        void expect(String punct) {
            Token t = next();
            if (t == null) {
                throw errorHere("expected '" + punct + "' before end of file");
            }
            if (t.quoted || !t.text.equals(punct)) {
                throw error(t, "expected '" + punct + "', found '" + t.text + "'");
            }
        }

        Token expectWord(String what) {
            Token t = next();
            if (t == null) {
                throw errorHere("expected " + what + " before end of file");
            }
            if (!t.quoted && (t.text.equals("{") || t.text.equals(";"))) {
                throw error(t, "expected " + what + ", found '" + t.text + "'");
            }
            return t;
        }

        Token next() {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                return null;
            }
            int startLine = line;
            int startColumn = pos - lineStart + 1;
            char c = text.charAt(pos);
            if (c == '{' || c == '}' || c == ';') {
                pos++;
                return new Token(String.valueOf(c), false, startLine, startColumn);
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw new IllegalArgumentException(source + ":" + startLine + ":" + startColumn
                                + ": unterminated string");
                    }
                    char d = text.charAt(pos++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && pos < text.length()) {
                        d = text.charAt(pos++);
                    }
                    if (d == '\n') {
                        newline();
                    }
                    sb.append(d);
                }
                return new Token(sb.toString(), true, startLine, startColumn);
            }
            int start = pos;
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (Character.isWhitespace(d) || d == '{' || d == '}' || d == ';' || d == '"' || d == '#'
                        || (d == '/' && pos + 1 < text.length()
                            && (text.charAt(pos + 1) == '/' || text.charAt(pos + 1) == '*'))) {
                    break;
                }
                pos++;
            }
            return new Token(text.substring(start, pos), false, startLine, startColumn);
        }

        private void newline() {
            line++;
            lineStart = pos;
        }

        private void skipSpaceAndComments() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    pos++;
                    newline();
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#' || (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/')) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                    int startLine = line;
                    int startColumn = pos - lineStart + 1;
                    pos += 2;
                    while (true) {
                        if (pos + 1 >= text.length()) {
                            throw new IllegalArgumentException(source + ":" + startLine + ":" + startColumn
                                    + ": unterminated comment");
                        }
                        if (text.charAt(pos) == '*' && text.charAt(pos + 1) == '/') {
                            pos += 2;
                            break;
                        }
                        if (text.charAt(pos) == '\n') {
                            pos++;
                            newline();
                        } else {
                            pos++;
                        }
                    }
                } else {
                    return;
                }
            }
        }
    }
}
