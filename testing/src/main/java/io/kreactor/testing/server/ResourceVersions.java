package io.kreactor.testing.server;

/** resourceVersion strings: this server's are decimal revisions; anything else from a client is a 400. */
final class ResourceVersions {

    private ResourceVersions() {
    }

    static long parse(String resourceVersion) {
        try {
            long value = Long.parseLong(resourceVersion);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("resourceVersion: Invalid value: \"" + resourceVersion
                    + "\": invalid resource version");
        }
    }
}
