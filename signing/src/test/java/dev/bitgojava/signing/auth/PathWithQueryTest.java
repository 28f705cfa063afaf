package dev.bitgojava.signing.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The signed path-and-query follows URL parsing (as BitGo's V4 getPathWithQuery and HTTP clients do). */
class PathWithQueryTest {

    @Test
    void dotSegmentsAreResolvedInThePathOnly() {
        assertEquals("/api/v2/b/c?x=./..", PathWithQuery.of("/api/v2/a/../b/./c?x=./.."));
        assertEquals("/api/", PathWithQuery.of("/api/v2/.."));
        assertEquals("/", PathWithQuery.of("/../.."));
        assertEquals("/a/", PathWithQuery.of("https://h/a/b/%2E%2e"));
    }

    @Test
    void backslashesInAnHttpPathAreSlashesButNotInTheQuery() {
        assertEquals("/api/v2/wallets?q=a\\b", PathWithQuery.of("/api\\v2\\wallets?q=a\\b"));
        assertEquals("/a/b", PathWithQuery.of("https://host/a\\b"));
    }

    @Test
    void aProtocolRelativeUrlLosesItsHost() {
        assertEquals("/api/v2/x?y=1", PathWithQuery.of("//evil.example/api/v2/x?y=1"));
        assertEquals("/", PathWithQuery.of("//evil.example"));
    }
}
