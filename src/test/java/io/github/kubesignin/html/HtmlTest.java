package io.github.kubesignin.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void markupAndQuotesCannotBreakOutOfContentOrAttributes() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(Html.escape("plain text, ünïcode")).isEqualTo("plain text, ünïcode");
    }
}
