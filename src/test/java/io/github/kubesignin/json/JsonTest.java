package io.github.kubesignin.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesEveryKindOfValue() {
        Map<String, Object> value = Json.parseObject(
                "{\"s\":\"a\\\"b\\u00e9\\n\",\"n\":42,\"big\":123456789012345678901,\"f\":1.5,\"t\":true,\"x\":null,\"a\":[1,\"2\",{}]}");
        assertThat(value).containsEntry("s", "a\"bé\n").containsEntry("n", 42L).containsEntry("t", true).containsEntry("x", null);
        assertThat(value.get("big").toString()).isEqualTo("123456789012345678901");
        assertThat(value.get("f").toString()).isEqualTo("1.5");
        assertThat(value.get("a")).isEqualTo(List.of(1L, "2", Map.of()));
    }

    @Test
    void keepsMemberOrder() {
        assertThat(Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}").keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void roundTripsThroughTheWriter() {
        String text = "{\"name\":\"x\\\\y\\\"\",\"list\":[1,true,null],\"nested\":{\"k\":\"v\"}}";
        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
        assertThat(Json.parse(Json.writePretty(Json.parse(text)))).isEqualTo(Json.parse(text));
    }

    @Test
    void refusesMalformedTextWithThePosition() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(JsonException.class).hasMessageContaining("at character 8");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("end of input");
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("expected a JSON object");
    }
}
