package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Continue tokens for paginated lists. Like the real server's, a token is base64 JSON holding the revision of
 * the first page and the key to continue after; every page is read from the snapshot at that revision, so the
 * pages together are one consistent list. A token expires (410 Expired) when the history it needs has been
 * compacted away, or when the fault API expires all tokens issued so far.
 */
final class ContinueTokens {

    static final String EXPIRED_MESSAGE = "The provided continue parameter is too old to display a consistent list "
            + "result. You can start a new list without the continue parameter, or use the continue token in this "
            + "response to retrieve the remainder of the results. Continuing with the provided token results in an "
            + "inconsistent list - objects that were created, modified, or deleted between the time the first chunk "
            + "was returned and now may show up in the list.";

    /** A decoded token. */
    record Token(long revision, String startAfter, long epoch) {
    }

    private final AtomicLong epoch = new AtomicLong();

    String encode(long revision, String lastKey) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("v", "meta.k8s.io/v1").put("rv", revision).put("start", lastKey + "\u0000").put("epoch", epoch.get());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(node));
    }

    Token decode(String token) {
        try {
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
            String start = node.path("start").asText();
            if (!node.path("v").asText().equals("meta.k8s.io/v1") || !start.endsWith("\u0000")) {
                throw ApiError.badRequest("continue key is not valid: incorrect encoded start resourceVersion "
                        + "(version meta.k8s.io/v1)");
            }
            return new Token(node.path("rv").asLong(), start.substring(0, start.length() - 1),
                    node.path("epoch").asLong());
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiError.badRequest("continue key is not valid: " + e.getMessage());
        }
    }

    boolean isExpired(Token token) {
        return token.epoch() < epoch.get();
    }

    /** Makes every token issued so far expired. */
    void expireAll() {
        epoch.incrementAndGet();
    }
}
