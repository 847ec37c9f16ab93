package io.github.kubesignin.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimExplainerTest {
    private static final Instant NOW = Instant.parse("2026-12-04T20:08:50Z");

    @Test
    void timesAreLocalAndRelative() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("exp", NOW.plusSeconds(252).getEpochSecond());
        claims.put("iat", NOW.minusSeconds(48).getEpochSecond());
        claims.put("groups", List.of("dev", "ops"));
        claims.put("custom", "x");
        List<ClaimRow> rows = ClaimExplainer.rows(JwtDecoder.decode(TokenTestData.jwt(claims)), NOW, ZoneOffset.UTC);
        assertThat(rows).containsExactly(
                new ClaimRow("exp", String.valueOf(NOW.plusSeconds(252).getEpochSecond()), "expires 20:13:02, in 4m 12s"),
                new ClaimRow("iat", String.valueOf(NOW.minusSeconds(48).getEpochSecond()), "issued 20:08:02, 48s ago"),
                new ClaimRow("groups", "[\"dev\",\"ops\"]", "group memberships"),
                new ClaimRow("custom", "x", ""));
    }

    @Test
    void expiredTokensSaySo() {
        var rows = ClaimExplainer.rows(JwtDecoder.decode(TokenTestData.jwt(Map.of("exp", NOW.minusSeconds(3 * 86_400).getEpochSecond()))), NOW, ZoneOffset.UTC);
        assertThat(rows.get(0).meaning()).isEqualTo("expired 2026-12-01 20:08:50, 3d 0h ago");
    }

    @Test
    void durationsUseTheTwoLargestUnits() {
        assertThat(HumanTime.duration(Duration.ofSeconds(299))).isEqualTo("4m 59s");
        assertThat(HumanTime.duration(Duration.ofMinutes(123))).isEqualTo("2h 3m");
        assertThat(HumanTime.duration(Duration.ofSeconds(7))).isEqualTo("7s");
        assertThat(HumanTime.relative(NOW, NOW)).isEqualTo("now");
    }
}
