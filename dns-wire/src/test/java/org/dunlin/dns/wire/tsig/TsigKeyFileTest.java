package org.dunlin.dns.wire.tsig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.dunlin.dns.wire.dnssec.peers.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BIND {@code key} statements: tsig-keygen output, comments, truncated algorithms, errors with positions. */
class TsigKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatTsigKeygenWrites() throws Exception {
        String tool = Peers.require("tsig-keygen");
        for (TsigAlgorithm algorithm : TsigAlgorithm.ALL) {
            String text = Peers.runOk(dir, 30, tool, "-a", algorithm.bindName(), "xfr-" + algorithm.bindName());
            List<TsigKey> keys = TsigKeyFile.parse(text, "tsig-keygen");
            assertEquals(1, keys.size());
            TsigKey key = keys.get(0);
            assertEquals("xfr-" + algorithm.bindName() + ".", key.name().toString());
            assertEquals(algorithm, key.algorithm());
            assertEquals(TsigKeyFile.parse(TsigKeyFile.format(keys), "rewritten"), keys);
        }
    }

    @Test
    void acceptsCommentsBareNamesAndTruncation() {
        String text = "# transfer keys\n"
                + "key transfer.example { // inline comment\n"
                + "  algorithm HMAC-SHA256-128; /* a truncated MAC,\n  128 bits */\n"
                + "  secret \"c2VjcmV0 c2VjcmV0\";\n"
                + "};\n"
                + "key \"md5\" { secret \"AAEC\"; algorithm hmac-md5; };\n";
        List<TsigKey> keys = TsigKeyFile.parse(text, "keys.conf");
        assertEquals(2, keys.size());
        assertEquals(16, keys.get(0).macLength());
        assertArrayEquals(Base64.getDecoder().decode("c2VjcmV0c2VjcmV0"), keys.get(0).secret());
        assertEquals(TsigAlgorithm.HMAC_MD5, keys.get(1).algorithm());
        String written = TsigKeyFile.format(keys);
        assertTrue(written.contains("algorithm hmac-sha256-128;"), written);
        assertEquals(keys, TsigKeyFile.parse(written, "rewritten"));
        assertTrue(keys.get(0).toString().contains("transfer.example."));
        assertTrue(!keys.get(0).toString().contains("c2VjcmV0"), "secrets are never printed");
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertMessage("keys.conf:2:13: unknown TSIG algorithm 'hmac-sha3'",
                "key k {\n  algorithm hmac-sha3;\n  secret \"AAAA\";\n};\n");
        assertMessage("keys.conf:1:1: expected 'key', found 'options'", "options { };");
        assertMessage("keys.conf:1:5: key k needs both 'algorithm' and 'secret'",
                "key k { algorithm hmac-sha1; };");
        assertMessage("keys.conf:1:37: secret is not valid base64",
                "key k { algorithm hmac-sha1; secret \"!!!\"; };");
        assertMessage("keys.conf:1:29: expected ';', found '}'", "key k { algorithm hmac-sha1 };");
        assertMessage("keys.conf:1:9: unterminated comment", "key k { /* never closed");
    }

    private static void assertMessage(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TsigKeyFile.parse(text, "keys.conf"));
        assertEquals(expected, e.getMessage());
    }
}
